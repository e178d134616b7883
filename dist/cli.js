#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
__webpack_unused_export__ = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  d: () => (/* binding */ EXIT)
});

;// CONCATENATED MODULE: ./src/util/user-error.ts
/**
 * The one base class of refusals a person can act on: bad input, a wrong command line or action
 * input, an unsupported release, a cluster that cannot be reached or refuses a manifest. Both entry
 * points (the CLI and the action) print these as one line and no stack trace; anything that is not
 * a UserError is a bug and said to be one.
 */
class UserError extends Error {
    name = 'UserError';
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/manifests/input-error.ts
/**
 * A refusal of user input: names the file, the line and the field, and says what to do.
 * The CLI and the action print these as one line (no stack trace); anything else is a bug.
 */

class InputError extends UserError {
    file;
    line;
    field;
    problem;
    hint;
    constructor(file, line, field, problem, hint) {
        super(formatInputError(file, line, field, problem, hint));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
        this.hint = hint;
        this.name = 'InputError';
    }
}
function formatInputError(file, line, field, problem, hint) {
    const where = line ? `${file}:${line}` : file;
    const what = field ? `${field}: ${problem}` : problem;
    return `${where}: ${what}${hint ? ` (${hint})` : ''}`;
}

;// CONCATENATED MODULE: ./src/manifests/decode.ts
/**
 * Manifest bytes → text, as kubectl reads them: a UTF-8 or UTF-16 byte-order mark is honoured (and
 * dropped), lone CR line endings are line breaks (YAML says so; classic Mac editors write them), and
 * bytes that are not valid UTF-8 are refused with the line they are on, instead of silently becoming
 * U+FFFD and planning a value nobody wrote. UTF-16 without a byte-order mark is refused too: nothing
 * says which byte order it is in, and kubectl cannot read it either.
 */

const SAVE_AS_UTF8 = 'save the file as UTF-8';
function decodeManifest(file, bytes) {
    const text = decodeBytes(file, bytes);
    // CRLF stays as it is (the YAML parser reads it); a CR alone becomes LF, so lines count as editors show them.
    return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
function decodeBytes(file, bytes) {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
        return utf8(file, bytes.subarray(3));
    if (startsWith(bytes, [0xff, 0xfe]))
        return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (startsWith(bytes, [0xfe, 0xff]))
        return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    if (looksLikeUtf16(bytes)) {
        throw new InputError(file, 1, undefined, 'looks like UTF-16 text without a byte-order mark, which cannot be read reliably', SAVE_AS_UTF8);
    }
    return utf8(file, bytes);
}
function utf8(file, bytes) {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        const at = firstInvalidUtf8(bytes);
        throw new InputError(file, lineAt(bytes, at), undefined, `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at} is not valid UTF-8`, SAVE_AS_UTF8);
    }
}
function startsWith(bytes, prefix) {
    return prefix.every((b, i) => bytes[i] === b);
}
/** ASCII text in UTF-16 has a NUL in every other byte: YAML text never has NULs at all. */
function looksLikeUtf16(bytes) {
    const n = Math.min(bytes.length, 64) & ~1;
    if (n < 2)
        return false;
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
        if (bytes[i] === 0)
            evenNul++;
        if (bytes[i + 1] === 0)
            oddNul++;
    }
    const half = n / 2;
    return evenNul >= half * 0.75 || oddNul >= half * 0.75;
}
/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
function firstInvalidUtf8(b) {
    let i = 0;
    while (i < b.length) {
        const c = b[i];
        const [len, lo, hi] = c < 0x80
            ? [1, 0, 0]
            : c >= 0xc2 && c <= 0xdf
                ? [2, 0x80, 0xbf]
                : c === 0xe0
                    ? [3, 0xa0, 0xbf]
                    : c === 0xed
                        ? [3, 0x80, 0x9f]
                        : c >= 0xe1 && c <= 0xef
                            ? [3, 0x80, 0xbf]
                            : c === 0xf0
                                ? [4, 0x90, 0xbf]
                                : c >= 0xf1 && c <= 0xf3
                                    ? [4, 0x80, 0xbf]
                                    : c === 0xf4
                                        ? [4, 0x80, 0x8f]
                                        : [0, 0, 0];
        if (len === 0)
            return i;
        if (len > 1) {
            const second = b[i + 1];
            if (second === undefined || second < lo || second > hi)
                return i;
            for (let k = 2; k < len; k++) {
                const next = b[i + k];
                if (next === undefined || next < 0x80 || next > 0xbf)
                    return i;
            }
        }
        i += len;
    }
    return b.length;
}
/** 1-based line of a byte offset, counting LF, CRLF and lone CR as one break each. */
function lineAt(b, offset) {
    let line = 1;
    for (let i = 0; i < offset; i++) {
        if (b[i] === 0x0a)
            line++;
        else if (b[i] === 0x0d && b[i + 1] !== 0x0a)
            line++;
    }
    return line;
}

;// CONCATENATED MODULE: ./src/util/objects.ts
/** The smallest shared vocabulary for JSON-like values: the base of every other folder. */
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** `namespace/name`: how a RayService (or any namespaced object) is keyed and named in messages. */
function serviceKey(id) {
    return `${id.namespace}/${id.name}`;
}

;// CONCATENATED MODULE: ./src/manifests/rayservice.ts
/**
 * Picks the RayServices out of parsed YAML documents and checks what the planner relies on:
 * `apiVersion: ray.io/v1`, a valid name, a `spec` mapping. Other kinds are skipped; `kind: List`
 * is looked into, as kubectl does.
 */


// RFC 1123 subdomain, as Kubernetes requires of object names; KubeRay derives cluster and
// service names from it, so it must also stay short enough for a DNS label.
const NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAMESPACE_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function rayServicesIn(doc, defaultNamespace) {
    const out = [];
    visit(doc, doc.value, [], defaultNamespace, out);
    return out;
}
function visit(doc, value, path, defaultNamespace, out) {
    if (!isPlainObject(value))
        return; // not a Kubernetes object: not ours to judge
    if (value.kind === 'List' && Array.isArray(value.items)) {
        for (const [i, item] of value.items.entries())
            visit(doc, item, [...path, 'items', i], defaultNamespace, out);
        return;
    }
    if (value.kind !== 'RayService')
        return;
    const at = (p) => doc.lineOf([...path, ...p]);
    checkApiVersion(doc.file, value, at);
    const { name, namespace } = identityOf(doc.file, value.metadata, defaultNamespace, at);
    checkStringMaps(doc.file, value.metadata, at);
    checkClusterConfig(doc.file, value.spec, at);
    out.push({ namespace, name, source: doc, pathInDocument: path, object: value });
}
function checkApiVersion(file, value, at) {
    if (value.apiVersion === 'ray.io/v1')
        return;
    const got = value.apiVersion === undefined ? 'no apiVersion' : `apiVersion ${JSON.stringify(value.apiVersion)}`;
    const hint = typeof value.apiVersion === 'string' && value.apiVersion.startsWith('ray.io/')
        ? 'KubeRay 1.x serves only ray.io/v1 (v1alpha1 was removed in 1.3); change it to `apiVersion: ray.io/v1`, the fields are the same'
        : 'a RayService must be `apiVersion: ray.io/v1`';
    throw new InputError(file, at(['apiVersion']), 'apiVersion', `RayService with ${got} is not supported`, hint);
}
/** metadata.name and metadata.namespace, as the API server would accept them. */
function identityOf(file, metadata, defaultNamespace, at) {
    if (!isPlainObject(metadata)) {
        throw new InputError(file, at(['kind']), 'metadata', 'RayService has no metadata', 'add `metadata: {name: …}`');
    }
    const name = metadata.name;
    if (typeof name !== 'string' || name === '') {
        const hint = metadata.generateName !== undefined ? 'generateName cannot be tracked from Git; give it a fixed `name`' : 'add `metadata.name`';
        throw new InputError(file, at(['metadata']), 'metadata.name', 'RayService has no name', hint);
    }
    if (!NAME_RE.test(name) || name.length > 63) {
        throw new InputError(file, at(['metadata', 'name']), 'metadata.name', `"${name}" is not a valid name`, 'use lowercase letters, digits and "-", at most 63 characters');
    }
    if (metadata.namespace === undefined || metadata.namespace === null)
        return { name, namespace: defaultNamespace };
    if (typeof metadata.namespace !== 'string' || !NAMESPACE_RE.test(metadata.namespace) || metadata.namespace.length > 63) {
        throw new InputError(file, at(['metadata', 'namespace']), 'metadata.namespace', `${JSON.stringify(metadata.namespace)} is not a valid namespace`);
    }
    return { name, namespace: metadata.namespace };
}
/** Labels and annotations map names to strings (an unquoted `true` or `300` is refused by the API server). */
function checkStringMaps(file, metadata, at) {
    for (const key of ['labels', 'annotations']) {
        const m = metadata[key];
        if (m === undefined || m === null)
            continue;
        if (!isPlainObject(m) || Object.values(m).some((v) => typeof v !== 'string')) {
            throw new InputError(file, at(['metadata', key]), `metadata.${key}`, 'must map names to strings', 'quote values such as "true" or "300"');
        }
    }
}
/** What the planner relies on in spec.rayClusterConfig: a head group, and worker groups with unique names. */
function checkClusterConfig(file, spec, at) {
    if (!isPlainObject(spec)) {
        throw new InputError(file, at(['spec']), 'spec', 'RayService has no spec mapping', 'add `spec.rayClusterConfig` and `spec.serveConfigV2`');
    }
    const rcc = spec.rayClusterConfig;
    if (!isPlainObject(rcc) || !isPlainObject(rcc.headGroupSpec)) {
        throw new InputError(file, at(['spec', 'rayClusterConfig']), 'spec.rayClusterConfig.headGroupSpec', 'is required', 'a RayService needs a head group; see the KubeRay samples');
    }
    if (rcc.workerGroupSpecs === undefined || rcc.workerGroupSpecs === null)
        return;
    if (!Array.isArray(rcc.workerGroupSpecs)) {
        throw new InputError(file, at(['spec', 'rayClusterConfig', 'workerGroupSpecs']), 'spec.rayClusterConfig.workerGroupSpecs', 'must be a list');
    }
    const groups = new Map();
    for (const [i, g] of rcc.workerGroupSpecs.entries()) {
        const gp = ['spec', 'rayClusterConfig', 'workerGroupSpecs', i];
        const field = `spec.rayClusterConfig.workerGroupSpecs[${i}].groupName`;
        if (!isPlainObject(g) || typeof g.groupName !== 'string' || !g.groupName)
            throw new InputError(file, at(gp), field, 'is required');
        const seen = groups.get(g.groupName);
        if (seen !== undefined) {
            throw new InputError(file, at([...gp, 'groupName']), field, `"${g.groupName}" is used twice (also line ${seen})`, 'worker group names must be unique');
        }
        groups.set(g.groupName, at([...gp, 'groupName']));
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/manifests/yaml-documents.ts
/**
 * YAML text → documents that remember where every value came from.
 *
 * The planner works on plain JS values; the source positions are kept beside them so that a
 * change or a refusal can name its manifest line. Parsing is defensive: alias bombs, duplicate
 * keys and oversized input are refused quickly with a message, never a hang.
 *
 * Aliases are bounded by what they EXPAND to, as the Go YAML decoder behind kubectl does (go-yaml
 * v2/v3, via sigs.k8s.io/yaml): a document may take up to 99% of its decoded nodes from alias
 * expansion while it stays under 400,000 nodes; from there the allowed share falls linearly to 10%
 * at 4,000,000. Counting aliases instead (the `yaml` package's maxAliasCount) lets a 26 KB file
 * expand to gigabytes downstream, and refuses honest files that reuse one small anchor often.
 */


/** Files larger than this are refused: a RayService manifest is kilobytes, not megabytes. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** go-yaml's alias_ratio_range_low / _high: the decoded-node counts between which the ratio falls. */
const ALIAS_RATIO_RANGE_LOW = 400_000;
const ALIAS_RATIO_RANGE_HIGH = 4_000_000;
function parseYamlDocuments(file, text) {
    if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
        throw new InputError(file, undefined, undefined, `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`, 'split it, or keep generated data out of manifest folders');
    }
    checkNesting(file, text);
    const lineCounter = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
    // parseAllDocuments returns an EmptyStream (no docs) for an empty file.
    const out = [];
    for (const doc of Array.isArray(docs) ? docs : []) {
        const lineAt = (offset) => lineCounter.linePos(offset).line;
        const first = doc.errors[0];
        if (first) {
            const line = first.pos ? lineAt(first.pos[0]) : undefined;
            throw new InputError(file, line, undefined, `invalid YAML: ${firstLine(first.message)}`, 'fix the syntax; `yamllint` shows the same spot');
        }
        const startLine = lineAt(doc.range[0]);
        const targets = checkAliasExpansion(doc, file, lineAt);
        let value;
        try {
            // The library finds an alias's anchor by scanning every anchor and alias before it (quadratic:
            // 5,000 aliases took seconds); the walk above resolved each already, in the same way.
            for (const [alias, target] of targets)
                Object.defineProperty(alias, 'resolve', { value: () => target });
            value = doc.toJS({ maxAliasCount: -1 });
        }
        catch (e) {
            throw new InputError(file, startLine, undefined, `invalid YAML: ${firstLine(e.message)}`);
        }
        if (value === null || value === undefined)
            continue; // an empty document between `---`
        out.push({
            file,
            line: startLine,
            value,
            lineOf: (path) => locate(doc, path, lineAt).line ?? startLine,
            blockScalarStart: (path) => {
                const { node, complete } = locate(doc, path, lineAt);
                if (!complete || !(0,dist/* isScalar */.jn)(node) || !node.range)
                    return undefined;
                if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')
                    return undefined;
                return lineAt(node.range[0]) + 1;
            },
        });
    }
    return out;
}
/**
 * Walks the document once in document order, as go-yaml decodes it, counting the nodes a decoder
 * would produce (an alias counts as its anchor's whole expanded subtree; each anchored node's
 * size is computed once, so this is linear), and refuses it at the first alias after which the
 * share of nodes that came from aliases is above what go-yaml allows. Returns every alias with the
 * node it stands for: the last anchor of that name before it, as the `yaml` package resolves it.
 */
function checkAliasExpansion(doc, file, lineAt) {
    const anchors = new Map();
    const expandedSize = new Map();
    const inProgress = new Set();
    const targets = new Map();
    let decoded = 1; // the document node
    let fromAliases = 0;
    const refuse = (alias, problem, hint) => {
        throw new InputError(file, alias.range ? lineAt(alias.range[0]) : undefined, undefined, problem, hint);
    };
    const walk = (node) => {
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = anchors.get(node.source);
            if (!target)
                return refuse(node, `YAML alias *${node.source} has no anchor &${node.source} before it`, 'define the anchor before using it');
            if (inProgress.has(target))
                return refuse(node, `YAML alias *${node.source} is inside its own anchor (a value that contains itself)`, 'remove the alias');
            const size = expandedSize.get(target);
            targets.set(node, target);
            decoded += 1 + size;
            fromAliases += size;
            if (fromAliases > 100 && decoded > 1000 && fromAliases / decoded > allowedAliasRatio(decoded)) {
                refuse(node, `too many YAML aliases: with *${node.source} the document expands to ${decoded.toLocaleString('en-US')} nodes, ${percent(fromAliases / decoded)} of them alias copies (kubectl's YAML decoder allows ${percent(allowedAliasRatio(decoded))} at this size)`, 'write the repeated parts out, or repeat less; kubectl refuses this document too ("excessive aliasing")');
            }
            return 1 + size;
        }
        decoded++;
        const anchored = ((0,dist/* isScalar */.jn)(node) || (0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) && node.anchor ? node : undefined;
        if (anchored) {
            anchors.set(anchored.anchor, anchored);
            inProgress.add(anchored);
        }
        let size = 1;
        if ((0,dist/* isMap */.jh)(node))
            for (const pair of node.items)
                size += walk(pair.key) + walk(pair.value);
        else if ((0,dist/* isSeq */.oP)(node))
            for (const item of node.items)
                size += walk(item);
        if (anchored) {
            inProgress.delete(anchored);
            expandedSize.set(anchored, size);
        }
        return size;
    };
    walk(doc.contents);
    return targets;
}
const percent = (ratio) => `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
/** go-yaml's allowedAliasRatio: the share of decoded nodes that may come from aliases. */
function allowedAliasRatio(decoded) {
    if (decoded <= ALIAS_RATIO_RANGE_LOW)
        return 0.99;
    if (decoded >= ALIAS_RATIO_RANGE_HIGH)
        return 0.1;
    return 0.99 - (0.89 * (decoded - ALIAS_RATIO_RANGE_LOW)) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW);
}
function locate(doc, path, lineAt) {
    let node = doc.contents;
    let line = rangeLine(node, lineAt);
    let depth = 0;
    for (const seg of path) {
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && keyText(p.key) === String(seg));
            if (!pair)
                break;
            line = rangeLine(pair.key, lineAt) ?? line;
            node = pair.value;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number') {
            const item = node.items[seg];
            if (!item)
                break;
            line = rangeLine(item, lineAt) ?? line;
            node = item;
        }
        else {
            break;
        }
        depth++;
    }
    return { line, node, complete: depth === path.length };
}
function keyText(key) {
    return (0,dist/* isScalar */.jn)(key) ? String(key.value) : undefined;
}
function rangeLine(node, lineAt) {
    const range = node?.range;
    return range ? lineAt(range[0]) : undefined;
}
function firstLine(s) {
    const line = s.split('\n')[0].trim();
    // The parser recurses per level: what a person should read is that the nesting is too deep.
    return /Maximum call stack size exceeded/.test(line) ? `nested too deeply to read (more than ${MAX_NESTING} levels)` : line;
}
/**
 * Kubernetes manifests nest a few dozen levels at most. A hostile file can nest thousands of flow
 * collections (`[[[[…`) in a few kilobytes, and the parser recurses once per level: refuse before
 * parsing, in one linear pass that skips quoted scalars and comments, naming the line.
 */
const MAX_NESTING = 200;
function checkNesting(file, text) {
    let depth = 0;
    let line = 1;
    let quote = '';
    let comment = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n') {
            line++;
            comment = false;
            continue;
        }
        if (comment)
            continue;
        if (quote === '"') {
            if (c === '\\')
                i++;
            else if (c === '"')
                quote = '';
            continue;
        }
        if (quote === "'") {
            if (c === "'")
                quote = '';
            continue;
        }
        if (c === '#' && (i === 0 || /\s/.test(text[i - 1])))
            comment = true;
        else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1])))
            quote = c;
        else if (c === '[' || c === '{') {
            if (++depth > MAX_NESTING) {
                throw new InputError(file, line, undefined, `nested deeper than ${MAX_NESTING} levels`, 'a Kubernetes manifest never needs this; check how the file was generated');
            }
        }
        else if ((c === ']' || c === '}') && depth > 0)
            depth--;
    }
}

;// CONCATENATED MODULE: ./src/manifests/load.ts
/**
 * The file-system adapter: a file or a folder (searched recursively for .yaml/.yml) → the
 * RayServices in it, keyed by namespace/name. Refuses two documents with the same identity.
 */







/**
 * Lists the YAML files of a file or folder, sorted, skipping dot-folders and node_modules. A
 * symbolic link named like a YAML file is read through, as kubectl reads it; one that leads nowhere
 * is refused rather than skipped without a word. Linked folders are not entered (kubectl's walk
 * does not enter them either).
 */
async function yamlFilesOf(path) {
    let st;
    try {
        st = await (0,promises_namespaceObject.stat)(path);
    }
    catch {
        throw new InputError(path, undefined, undefined, 'no such file or folder', 'check the --base/--head path');
    }
    if (st.isFile())
        return [path];
    const entries = await (0,promises_namespaceObject.readdir)(path, { recursive: true, withFileTypes: true });
    const candidates = entries
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.ya?ml$/i.test(e.name))
        .filter((e) => !(0,external_node_path_namespaceObject.relative)(path, (0,external_node_path_namespaceObject.join)(e.parentPath, e.name))
        .split(external_node_path_namespaceObject.sep)
        .some((part) => part.startsWith('.') || part === 'node_modules'));
    const files = [];
    for (const e of candidates) {
        const file = (0,external_node_path_namespaceObject.join)(e.parentPath, e.name);
        if (e.isSymbolicLink() && !(await isLinkToFile(file)))
            continue;
        files.push(file);
    }
    return files.sort();
}
async function isLinkToFile(file) {
    try {
        return (await (0,promises_namespaceObject.stat)(file)).isFile();
    }
    catch {
        const target = await (0,promises_namespaceObject.readlink)(file).catch(() => '?');
        throw new InputError(file, undefined, undefined, `is a symbolic link to ${target}, which does not exist`, 'fix or remove the link');
    }
}
/** Reads and parses every YAML file under `path`. Returns an empty set for a missing side when `allowMissing`. */
async function loadManifests(path, options) {
    const files = await yamlFilesOf(path);
    const shown = (f) => (options.displayRoot !== undefined ? (0,external_node_path_namespaceObject.relative)(options.displayRoot, f) || f : f);
    const texts = await Promise.all(files.map(async (f) => decodeManifest(shown(f), await (0,promises_namespaceObject.readFile)(f))));
    return manifestsFromTexts(files.map((f, i) => ({ file: shown(f), text: texts[i] })), options.defaultNamespace);
}
/** The pure part of loading: file texts → RayServices by identity. */
function manifestsFromTexts(files, defaultNamespace) {
    const set = new Map();
    for (const { file, text } of files) {
        for (const doc of parseYamlDocuments(file, text)) {
            for (const rs of rayServicesIn(doc, defaultNamespace)) {
                const id = serviceKey(rs);
                const prior = set.get(id);
                if (prior) {
                    throw new InputError(file, doc.lineOf([...rs.pathInDocument, 'metadata', 'name']), 'metadata.name', `RayService ${id} is defined twice (also ${prior.source.file}:${prior.source.lineOf([...prior.pathInDocument, 'metadata', 'name'])})`, 'keep one manifest per RayService');
                }
                set.set(id, rs);
            }
        }
    }
    return set;
}

;// CONCATENATED MODULE: ./src/kuberay/releases.ts
/**
 * What each KubeRay release does with a RayService change: the facts the planner depends on,
 * one row per release, read from the operator's source (ray-operator/, see docs/kuberay-rules.md).
 * Every version-dependent rule of the product is a field here, so a new release is one new row.
 */
const baseAnnotations = ['ray.io/ft-enabled', 'ray.io/external-storage-namespace', 'ray.io/enable-serve-service'];
function release(version, r) {
    return { ...r, version, minor: version.split('.').slice(0, 2).join('.') };
}
const v13 = release('1.3.2', {
    hashBlanks: { tolerationsAndSchedulingGates: false, clusterUpgradeStrategy: false, suspend: false },
    suspendToggleInPlace: false,
    upgradeTypes: ['NewCluster', 'None'],
    validatesName: false,
    rayServiceSuspend: false,
    rayServiceManagedBy: false,
    rejectsClusterUpgradeStrategy: false,
    incrementalUpgrade: 'unsupported',
    serveConfigAlsoToOldCluster: true,
    meaningfulAnnotations: baseAnnotations,
    serveEndpointsFrom: 'Endpoints',
    incrementalRollback: false,
    validationFailureReported: 'event',
    rejectsStepSizeAboveMaxSurge: false,
});
const v14 = release('1.4.2', { ...v13, serveConfigAlsoToOldCluster: false, validatesName: true });
const v150 = release('1.5.0', {
    ...v14,
    incrementalUpgrade: 'gate-off-by-default',
    upgradeTypes: ['NewCluster', 'None', 'NewClusterWithIncrementalUpgrade'],
    meaningfulAnnotations: [...baseAnnotations, 'ray.io/initializing-timeout'],
});
const v151 = release('1.5.1', v150);
const v152 = release('1.5.2', { ...v150, hashBlanks: { ...v150.hashBlanks, tolerationsAndSchedulingGates: true }, suspendToggleInPlace: true });
// 1.6.0 was cut without the suspend-toggle rule of 1.5.2; 1.6.1 brought it back.
const v160 = release('1.6.0', {
    ...v152,
    hashBlanks: { tolerationsAndSchedulingGates: true, clusterUpgradeStrategy: true, suspend: false },
    suspendToggleInPlace: false,
    rayServiceManagedBy: true,
    rejectsClusterUpgradeStrategy: true,
    serveEndpointsFrom: 'EndpointSlice',
    incrementalRollback: true,
    validationFailureReported: 'event-and-condition',
});
const v161 = release('1.6.1', { ...v160, suspendToggleInPlace: true });
const v162 = release('1.6.2', v161);
// 1.7.0 mutes suspend in the hash and keeps the running cluster's suspend on in-place updates:
// a rayClusterConfig.suspend change never reaches an existing cluster.
const v170 = release('1.7.0', {
    ...v162,
    hashBlanks: { tolerationsAndSchedulingGates: true, clusterUpgradeStrategy: true, suspend: true },
    suspendToggleInPlace: false,
    rayServiceSuspend: true,
    incrementalUpgrade: 'gate-on-by-default',
    rejectsStepSizeAboveMaxSurge: true,
});
/** Every supported release, oldest first. */
const RELEASES = [v13, v14, v150, v151, v152, v160, v161, v162, v170];
const DEFAULT_KUBERAY_VERSION = '1.7';
/**
 * "1.7" → the newest patch of that line; "1.5.1" → exactly that; "v1.6.2" accepted too.
 * Returns undefined for an unsupported version.
 */
function resolveRelease(input) {
    const v = input.trim().replace(/^v/, '');
    const exact = RELEASES.find((r) => r.version === v);
    if (exact)
        return exact;
    if (/^\d+\.\d+$/.test(v))
        return [...RELEASES].reverse().find((r) => r.minor === v);
    // An unknown patch of a known line (e.g. 1.6.5) behaves like the newest patch we know.
    const m = /^(\d+\.\d+)\.\d+$/.exec(v);
    if (m)
        return [...RELEASES].reverse().find((r) => r.minor === m[1]);
    return undefined;
}
function supportedVersionsText() {
    return [...new Set(RELEASES.map((r) => r.minor))].join(', ');
}

;// CONCATENATED MODULE: ./src/quantity/quantity.ts
/**
 * Kubernetes resource quantities, exact.
 *
 * Written by hand on purpose: the planner must decide whether two manifests hash alike in the
 * operator, and the operator hashes `json.Marshal` of Go `resource.Quantity` values, i.e. their
 * canonical strings. Those keep the *format* of the input (`1Gi` and `1073741824` are the same
 * amount but marshal differently, so they hash differently), round up to nano units, and pick the
 * largest exact suffix (`5120Mi` → `5Gi`, `1000m` → `1`). client-node's `quantityToScalar` is
 * float-based, rejects `1.5Gi` and knows no formats, so it cannot answer this question.
 *
 * Values are exact rationals `units × 10^-9` in a BigInt (nano units), which covers every
 * quantity Kubernetes accepts without loss.
 */
class QuantityError extends Error {
}
const NANO = 1000000000n;
const decimalSuffixes = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
// <signedNumber><suffix>, as in k8s.io/apimachinery/pkg/api/resource: digits with at most one
// dot, then a binary or decimal SI suffix or an exponent.
const QUANTITY_RE = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
/** Parses a quantity from a manifest value (a string, or a YAML number). Throws QuantityError. */
function parseQuantity(input) {
    let text;
    if (typeof input === 'number') {
        if (!Number.isFinite(input))
            throw new QuantityError(`${input} is not a quantity`);
        text = numberToPlainString(input);
    }
    else if (typeof input === 'string') {
        text = input.trim();
    }
    else {
        throw new QuantityError(`expected a quantity such as "500m" or "4Gi", got ${describe(input)}`);
    }
    const m = QUANTITY_RE.exec(text);
    if (!m || text === '') {
        throw new QuantityError(`"${String(input)}" is not a valid quantity (expected e.g. "500m", "2", "4Gi", "1e3")`);
    }
    const [, sign, digits, suffix = ''] = m;
    const negative = sign === '-';
    // The mantissa as an exact rational: intPart.fracPart = mantissa / 10^fracLen.
    const [intPart = '', fracPart = ''] = digits.split('.');
    const mantissa = BigInt((intPart || '0') + fracPart);
    let exp10 = -fracPart.length; // power of ten applied to mantissa
    let exp2 = 0;
    let format;
    if (suffix in binarySuffixes) {
        exp2 = binarySuffixes[suffix];
        format = 'BinarySI';
    }
    else if (suffix.startsWith('e') || suffix.startsWith('E')) {
        const e = Number(suffix.slice(1));
        if (!Number.isSafeInteger(e) || Math.abs(e) > 100)
            throw new QuantityError(`"${String(input)}": exponent out of range`);
        exp10 += e;
        format = 'DecimalExponent';
    }
    else {
        exp10 += decimalSuffixes[suffix];
        format = 'DecimalSI';
    }
    // nanos = ceil(mantissa × 2^exp2 × 10^(exp10 + 9))
    let num = mantissa * (1n << BigInt(exp2));
    let den = 1n;
    const e = exp10 + 9;
    if (e >= 0)
        num *= 10n ** BigInt(e);
    else
        den = 10n ** BigInt(-e);
    let nanos = num / den;
    if (num % den !== 0n)
        nanos += 1n; // the API machinery rounds up to the nano
    if (negative)
        nanos = -nanos;
    return { nanos, format };
}
/** The string Go's `resource.Quantity` marshals to (`Quantity.String()`): what the operator hashes. */
function canonicalQuantity(q) {
    if (q.nanos === 0n)
        return '0';
    let format = q.format;
    const abs = q.nanos < 0n ? -q.nanos : q.nanos;
    const sign = q.nanos < 0n ? '-' : '';
    if (format === 'BinarySI') {
        // Small or fractional binary amounts are shown as decimal, to avoid rounding.
        if (abs < 1024n * NANO || abs % NANO !== 0n)
            format = 'DecimalSI';
    }
    if (format === 'BinarySI') {
        let n = abs / NANO;
        let exp = 0;
        while (exp < 60 && n % 1024n === 0n) {
            n /= 1024n;
            exp += 10;
        }
        const suffix = Object.keys(binarySuffixes).find((k) => binarySuffixes[k] === exp) ?? '';
        return sign + n.toString() + suffix;
    }
    // Decimal: the largest exponent (a multiple of 3 for SI) for which the mantissa stays an integer.
    let n = abs;
    let exp = -9;
    const step = format === 'DecimalSI' ? 3 : 1;
    const stepDiv = 10n ** BigInt(step);
    while (n % stepDiv === 0n && (format === 'DecimalExponent' || exp < 18)) {
        n /= stepDiv;
        exp += step;
    }
    if (format === 'DecimalExponent') {
        // Go keeps exponents in multiples of 3 for this format too.
        while (((exp % 3) + 3) % 3 !== 0) {
            n *= 10n;
            exp -= 1;
        }
        return sign + n.toString() + (exp === 0 ? '' : `e${exp}`);
    }
    const suffix = Object.keys(decimalSuffixes).find((k) => decimalSuffixes[k] === exp) ?? '';
    return sign + n.toString() + suffix;
}
/** The amount in base units as a JS number (cores, bytes, counts): for capacity figures. */
function quantityToNumber(q) {
    const whole = q.nanos / NANO;
    const frac = q.nanos % NANO;
    return Number(whole) + Number(frac) / 1e9;
}
/** Canonical string of a manifest value, or throws QuantityError. */
function canonicalizeQuantity(input) {
    return canonicalQuantity(parseQuantity(input));
}
function numberToPlainString(n) {
    // YAML numbers reach us as JS numbers; 1e21 and beyond print in exponent form, which the
    // grammar accepts too.
    const s = String(n);
    return s.replace('e+', 'e');
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}

;// CONCATENATED MODULE: ./src/capacity/capacity.ts
/**
 * What a RayCluster asks of the scheduler, from its (stored) RayService spec.
 *
 * Per pod: Σ containers' requests, each resource falling back to its limit (as the API server
 * defaults requests from limits), then the max with each init container, plus the pod overhead;
 * the head also carries the autoscaler sidecar when in-tree autoscaling is on. Per worker group:
 * clamp(replicas, minReplicas, maxReplicas) × numOfHosts pods (0 when the group or the cluster
 * is suspended). KubeRay's own status.desired* fields leave the sidecar out; the scheduler does not.
 */


/** KubeRay's default autoscaler sidecar resources (requests = limits). */
const DEFAULT_AUTOSCALER_RESOURCES = { cpu: 0.5, memory: 512 * 1024 * 1024 };
function clusterSize(rayClusterConfig, options = {}) {
    const suspended = rayClusterConfig.suspend === true;
    const headSpec = obj(obj(obj(rayClusterConfig.headGroupSpec).template).spec);
    const head = podResources(headSpec);
    if (rayClusterConfig.enableInTreeAutoscaling === true) {
        addInto(head, autoscalerResources(obj(rayClusterConfig.autoscalerOptions)));
    }
    const total = {};
    if (!suspended) {
        addInto(total, head);
        total.pods = 1;
    }
    const groups = (Array.isArray(rayClusterConfig.workerGroupSpecs) ? rayClusterConfig.workerGroupSpecs : []).map((g) => {
        const group = obj(g);
        const perPod = podResources(obj(obj(group.template).spec));
        const pods = suspended || group.suspend === true ? 0 : workerPods(group, options.atMinReplicas === true);
        if (pods > 0)
            addInto(total, perPod, pods);
        total.pods = (total.pods ?? 0) + pods;
        return { name: String(group.groupName ?? ''), pods, perPod };
    });
    if (total.pods === undefined)
        total.pods = 0;
    return { total: tidy(total), head: tidy(head), groups };
}
/** Pods of one worker group: clamp(replicas, min, max) × numOfHosts (ignores suspension). */
function workerPods(group, atMin) {
    const min = capacity_int(group.minReplicas, 0);
    const max = capacity_int(group.maxReplicas, 2147483647);
    const replicas = atMin ? min : capacity_int(group.replicas, min);
    const clamped = Math.min(Math.max(replicas, min), Math.max(max, min));
    return clamped * Math.max(capacity_int(group.numOfHosts, 1), 1);
}
/** Scheduling cost of one pod. */
function podResources(podSpec) {
    const sum = {};
    for (const c of list(podSpec.containers))
        addInto(sum, containerResources(obj(c)));
    for (const c of list(podSpec.initContainers)) {
        const init = containerResources(obj(c));
        if (obj(c).restartPolicy === 'Always') {
            addInto(sum, init); // a native sidecar runs beside the main containers
            continue;
        }
        for (const [k, v] of Object.entries(init))
            sum[k] = Math.max(sum[k] ?? 0, v);
    }
    addInto(sum, quantities(obj(podSpec.overhead)));
    return sum;
}
function containerResources(container) {
    const resources = obj(container.resources);
    return { ...quantities(obj(resources.limits)), ...quantities(obj(resources.requests)) };
}
/** Requests of the autoscaler sidecar KubeRay adds to the head when in-tree autoscaling is on. */
function autoscalerResources(options) {
    const resources = obj(options.resources);
    if (!isPlainObject(options.resources))
        return { ...DEFAULT_AUTOSCALER_RESOURCES };
    return { ...quantities(obj(resources.limits)), ...quantities(obj(resources.requests)) };
}
/** A ResourceList (`{cpu: '500m'}`) in base units. Throws QuantityError on a malformed quantity. */
function quantities(m) {
    const out = {};
    for (const [k, v] of Object.entries(m))
        out[k] = quantityToNumber(parseQuantity(v));
    return out;
}
function addInto(target, add, times = 1) {
    for (const [k, v] of Object.entries(add))
        target[k] = (target[k] ?? 0) + v * times;
    return target;
}
function sumFigures(a, b) {
    return tidy(addInto(addInto({}, a), b));
}
function maxFigures(a, b) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b))
        out[k] = Math.max(out[k] ?? 0, v);
    return tidy(out);
}
/** Sorted keys (cpu, memory first) and no float noise (0.1 + 0.2). */
function tidy(f) {
    const order = (k) => (k === 'cpu' ? 0 : k === 'memory' ? 1 : k === 'pods' ? 3 : 2);
    const out = {};
    for (const k of Object.keys(f).sort((x, y) => order(x) - order(y) || x.localeCompare(y))) {
        out[k] = Math.round(f[k] * 1e9) / 1e9;
    }
    return out;
}
function obj(v) {
    return isPlainObject(v) ? v : {};
}
function list(v) {
    return Array.isArray(v) ? v : [];
}
function capacity_int(v, fallback) {
    return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
}

;// CONCATENATED MODULE: ./src/kuberay/crd-defaults.generated.json
const crd_defaults_generated_namespaceObject = /*#__PURE__*/JSON.parse('{"1.3":{"p":{"rayClusterConfig":{"p":{"autoscalerOptions":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}}}},"gcsFaultToleranceOptions":{"p":{"redisPassword":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}},"redisUsername":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}}},"headGroupSpec":{"p":{"headService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}},"workerGroupSpecs":{"i":{"p":{"maxReplicas":{"d":2147483647},"minReplicas":{"d":0},"numOfHosts":{"d":1},"replicas":{"d":0},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}}}}},"serveService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}}},"known":{"deploymentUnhealthySecondThreshold":true,"excludeHeadPodFromServeSvc":true,"rayClusterConfig":{"autoscalerOptions":{"env":true,"envFrom":true,"idleTimeoutSeconds":true,"image":true,"imagePullPolicy":true,"resources":true,"securityContext":true,"upscalingMode":true,"volumeMounts":true},"enableInTreeAutoscaling":true,"gcsFaultToleranceOptions":{"externalStorageNamespace":true,"redisAddress":true,"redisPassword":true,"redisUsername":true},"headGroupSpec":{"enableIngress":true,"headService":true,"rayStartParams":true,"serviceType":true,"template":true},"headServiceAnnotations":true,"managedBy":true,"rayVersion":true,"suspend":true,"workerGroupSpecs":{"groupName":true,"idleTimeoutSeconds":true,"maxReplicas":true,"minReplicas":true,"numOfHosts":true,"rayStartParams":true,"replicas":true,"scaleStrategy":{"workersToDelete":true},"suspend":true,"template":true}},"serveConfigV2":true,"serveService":true,"serviceUnhealthySecondThreshold":true,"upgradeStrategy":{"type":true}}},"1.4":{"p":{"rayClusterConfig":{"p":{"autoscalerOptions":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}}}},"gcsFaultToleranceOptions":{"p":{"redisPassword":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}},"redisUsername":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}}},"headGroupSpec":{"p":{"headService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}},"workerGroupSpecs":{"i":{"p":{"maxReplicas":{"d":2147483647},"minReplicas":{"d":0},"numOfHosts":{"d":1},"replicas":{"d":0},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}}}}},"serveService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}}},"known":{"deploymentUnhealthySecondThreshold":true,"excludeHeadPodFromServeSvc":true,"rayClusterConfig":{"autoscalerOptions":{"env":true,"envFrom":true,"idleTimeoutSeconds":true,"image":true,"imagePullPolicy":true,"resources":true,"securityContext":true,"upscalingMode":true,"version":true,"volumeMounts":true},"enableInTreeAutoscaling":true,"gcsFaultToleranceOptions":{"externalStorageNamespace":true,"redisAddress":true,"redisPassword":true,"redisUsername":true},"headGroupSpec":{"enableIngress":true,"headService":true,"rayStartParams":true,"serviceType":true,"template":true},"headServiceAnnotations":true,"managedBy":true,"rayVersion":true,"suspend":true,"workerGroupSpecs":{"groupName":true,"idleTimeoutSeconds":true,"maxReplicas":true,"minReplicas":true,"numOfHosts":true,"rayStartParams":true,"replicas":true,"scaleStrategy":{"workersToDelete":true},"suspend":true,"template":true}},"serveConfigV2":true,"serveService":true,"serviceUnhealthySecondThreshold":true,"upgradeStrategy":{"type":true}}},"1.5":{"p":{"rayClusterConfig":{"p":{"autoscalerOptions":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}}}},"gcsFaultToleranceOptions":{"p":{"redisPassword":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}},"redisUsername":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}}},"headGroupSpec":{"p":{"headService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}},"workerGroupSpecs":{"i":{"p":{"maxReplicas":{"d":2147483647},"minReplicas":{"d":0},"numOfHosts":{"d":1},"replicas":{"d":0},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}}}}},"serveService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}},"upgradeStrategy":{"p":{"clusterUpgradeOptions":{"p":{"maxSurgePercent":{"d":100}}}}}},"known":{"deploymentUnhealthySecondThreshold":true,"excludeHeadPodFromServeSvc":true,"rayClusterConfig":{"authOptions":{"mode":true},"autoscalerOptions":{"env":true,"envFrom":true,"idleTimeoutSeconds":true,"image":true,"imagePullPolicy":true,"resources":true,"securityContext":true,"upscalingMode":true,"version":true,"volumeMounts":true},"enableInTreeAutoscaling":true,"gcsFaultToleranceOptions":{"externalStorageNamespace":true,"redisAddress":true,"redisPassword":true,"redisUsername":true},"headGroupSpec":{"enableIngress":true,"headService":true,"labels":true,"rayStartParams":true,"resources":true,"serviceType":true,"template":true},"headServiceAnnotations":true,"managedBy":true,"rayVersion":true,"suspend":true,"workerGroupSpecs":{"groupName":true,"idleTimeoutSeconds":true,"labels":true,"maxReplicas":true,"minReplicas":true,"numOfHosts":true,"rayStartParams":true,"replicas":true,"resources":true,"scaleStrategy":{"workersToDelete":true},"suspend":true,"template":true}},"rayClusterDeletionDelaySeconds":true,"serveConfigV2":true,"serveService":true,"serviceUnhealthySecondThreshold":true,"upgradeStrategy":{"clusterUpgradeOptions":{"gatewayClassName":true,"intervalSeconds":true,"maxSurgePercent":true,"stepSizePercent":true},"type":true}}},"1.6":{"p":{"rayClusterConfig":{"p":{"autoscalerOptions":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}}}},"gcsFaultToleranceOptions":{"p":{"redisPassword":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}},"redisUsername":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}}},"headGroupSpec":{"p":{"headService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}},"workerGroupSpecs":{"i":{"p":{"maxReplicas":{"d":2147483647},"minReplicas":{"d":0},"numOfHosts":{"d":1},"replicas":{"d":0},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}}}}},"serveService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}},"upgradeStrategy":{"p":{"clusterUpgradeOptions":{"p":{"maxSurgePercent":{"d":100}}}}}},"known":{"deploymentUnhealthySecondThreshold":true,"excludeHeadPodFromServeSvc":true,"managedBy":true,"rayClusterConfig":{"authOptions":{"enableK8sTokenAuth":true,"mode":true,"secretName":true},"autoscalerOptions":{"env":true,"envFrom":true,"idleTimeoutSeconds":true,"image":true,"imagePullPolicy":true,"resources":true,"securityContext":true,"upscalingMode":true,"version":true,"volumeMounts":true},"enableInTreeAutoscaling":true,"gcsFaultToleranceOptions":{"externalStorageNamespace":true,"redisAddress":true,"redisPassword":true,"redisUsername":true},"headGroupSpec":{"enableIngress":true,"headService":true,"labels":true,"rayStartParams":true,"resources":true,"serviceType":true,"template":true},"headServiceAnnotations":true,"managedBy":true,"rayVersion":true,"suspend":true,"upgradeStrategy":{"type":true},"workerGroupSpecs":{"groupName":true,"idleTimeoutSeconds":true,"labels":true,"maxReplicas":true,"minReplicas":true,"numOfHosts":true,"rayStartParams":true,"replicas":true,"resources":true,"scaleStrategy":{"workersToDelete":true},"suspend":true,"template":true}},"rayClusterDeletionDelaySeconds":true,"serveConfigV2":true,"serveService":true,"serviceUnhealthySecondThreshold":true,"upgradeStrategy":{"clusterUpgradeOptions":{"gatewayClassName":true,"intervalSeconds":true,"maxSurgePercent":true,"stepSizePercent":true},"type":true}}},"1.7":{"p":{"rayClusterConfig":{"p":{"autoscalerOptions":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}}}},"gcsFaultToleranceOptions":{"p":{"redisPassword":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}},"redisUsername":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}}},"headGroupSpec":{"p":{"headService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}},"historyServerOptions":{"p":{"collectorOptions":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}}}}}},"networkPolicy":{"p":{"mode":{"d":"DenyAll"}}},"workerGroupSpecs":{"i":{"p":{"maxReplicas":{"d":2147483647},"minReplicas":{"d":0},"numOfHosts":{"d":1},"priority":{"d":0},"replicas":{"d":0},"template":{"p":{"spec":{"p":{"containers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"ephemeralContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"imagePullSecrets":{"i":{"p":{"name":{"d":""}}}},"initContainers":{"i":{"p":{"env":{"i":{"p":{"valueFrom":{"p":{"configMapKeyRef":{"p":{"name":{"d":""}}},"fileKeyRef":{"p":{"optional":{"d":false}}},"secretKeyRef":{"p":{"name":{"d":""}}}}}}}},"envFrom":{"i":{"p":{"configMapRef":{"p":{"name":{"d":""}}},"secretRef":{"p":{"name":{"d":""}}}}}},"livenessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}},"readinessProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}},"startupProbe":{"p":{"grpc":{"p":{"service":{"d":""}}}}}}}},"volumes":{"i":{"p":{"azureDisk":{"p":{"fsType":{"d":"ext4"},"readOnly":{"d":false}}},"cephfs":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"cinder":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"configMap":{"p":{"name":{"d":""}}},"csi":{"p":{"nodePublishSecretRef":{"p":{"name":{"d":""}}}}},"flexVolume":{"p":{"secretRef":{"p":{"name":{"d":""}}}}},"iscsi":{"p":{"iscsiInterface":{"d":"default"},"secretRef":{"p":{"name":{"d":""}}}}},"projected":{"p":{"sources":{"i":{"p":{"configMap":{"p":{"name":{"d":""}}},"secret":{"p":{"name":{"d":""}}}}}}}},"rbd":{"p":{"keyring":{"d":"/etc/ceph/keyring"},"pool":{"d":"rbd"},"secretRef":{"p":{"name":{"d":""}}},"user":{"d":"admin"}}},"scaleIO":{"p":{"fsType":{"d":"xfs"},"secretRef":{"p":{"name":{"d":""}}},"storageMode":{"d":"ThinProvisioned"}}},"storageos":{"p":{"secretRef":{"p":{"name":{"d":""}}}}}}}}}}}}}}}}},"serveService":{"p":{"spec":{"p":{"ports":{"i":{"p":{"protocol":{"d":"TCP"}}}}}}}},"upgradeStrategy":{"p":{"clusterUpgradeOptions":{"p":{"maxSurgePercent":{"d":100}}}}}},"known":{"deploymentUnhealthySecondThreshold":true,"excludeHeadPodFromServeSvc":true,"managedBy":true,"rayClusterConfig":{"authOptions":{"enableK8sTokenAuth":true,"mode":true,"secretName":true},"autoscalerOptions":{"args":true,"command":true,"env":true,"envFrom":true,"idleTimeoutSeconds":true,"image":true,"imagePullPolicy":true,"resources":true,"securityContext":true,"upscalingMode":true,"version":true,"volumeMounts":true},"enableInTreeAutoscaling":true,"gcsFaultToleranceOptions":{"backend":true,"externalStorageNamespace":true,"redisAddress":true,"redisPassword":true,"redisUsername":true,"storage":{"accessModes":true,"claimName":true,"deletionPolicy":true,"size":true,"storageClassName":true,"subPath":true}},"headGroupSpec":{"enableIngress":true,"headService":true,"ingressOptions":{"host":true,"path":true,"pathType":true,"tls":{"hosts":true,"secretName":true}},"labels":true,"rayStartParams":true,"resources":true,"serviceType":true,"template":true},"headServiceAnnotations":true,"historyServerOptions":{"collectorOptions":{"env":true,"image":true,"imagePullPolicy":true,"resources":true}},"managedBy":true,"networkPolicy":true,"rayVersion":true,"suspend":true,"tlsOptions":{"enabled":true},"upgradeStrategy":{"type":true},"workerGroupSpecs":{"groupName":true,"idleTimeoutSeconds":true,"labels":true,"maxReplicas":true,"minReplicas":true,"numOfHosts":true,"priority":true,"rayStartParams":true,"replicas":true,"resources":true,"scaleStrategy":{"workersToDelete":true},"suspend":true,"template":true}},"rayClusterDeletionDelaySeconds":true,"serveConfigV2":true,"serveService":true,"serviceUnhealthySecondThreshold":true,"suspend":true,"upgradeStrategy":{"clusterUpgradeOptions":{"gatewayClassName":true,"intervalSeconds":true,"maxSurgePercent":true,"stepSizePercent":true},"type":true}}}}');
;// CONCATENATED MODULE: ./src/kuberay/crd-defaults.ts
/**
 * Applies the RayService CRD's `default:` values the way the API server does before it stores an
 * object: a missing property gets its default, then defaulting goes on inside it. The operator
 * hashes the stored (defaulted) spec, so `protocol: TCP` written out and left out are the same.
 *
 * The compact schemas are generated from each release's CRD (scripts/gen-crd-defaults.ts).
 */

const schemas = crd_defaults_generated_namespaceObject;
/** The defaults schema of the newest CRD at or below `minor` (e.g. "1.7" → the 1.6 CRD if 1.7's is absent). */
function schemaFor(minor) {
    const wanted = Number(minor.split('.')[1]);
    const available = Object.keys(schemas)
        .map((k) => ({ k, m: Number(k.split('.')[1]) }))
        .sort((a, b) => b.m - a.m);
    const hit = available.find((x) => x.m <= wanted) ?? available[available.length - 1];
    return schemas[hit.k];
}
/** Returns a defaulted deep copy of a RayService `spec`. */
function applyCrdDefaults(spec, minor) {
    return walk(pruneUnknownFields(spec, minor).spec, schemaFor(minor));
}
/**
 * Removes the fields this release's CRD does not define (the API server prunes them silently) and
 * returns their paths relative to `spec`, so a plan can say that a typo or a newer release's field
 * is dropped.
 */
function pruneUnknownFields(spec, minor) {
    const copy = structuredClone(spec);
    const pruned = [];
    prune(copy, schemaFor(minor).known, [], pruned);
    return { spec: copy, pruned };
}
function prune(value, known, path, pruned) {
    if (known === true || value === null || typeof value !== 'object')
        return;
    if (Array.isArray(value)) {
        for (const [i, v] of value.entries())
            prune(v, known, [...path, i], pruned);
        return;
    }
    const obj = value;
    for (const key of Object.keys(obj)) {
        const sub = known[key];
        if (sub === undefined) {
            pruned.push([...path, key]);
            delete obj[key];
        }
        else {
            prune(obj[key], sub, [...path, key], pruned);
        }
    }
}
function walk(value, schema) {
    if (Array.isArray(value)) {
        if (schema.i)
            for (let i = 0; i < value.length; i++)
                value[i] = walk(value[i], schema.i);
        return value;
    }
    if (value === null || typeof value !== 'object')
        return value;
    const obj = value;
    if (schema.p) {
        for (const [key, sub] of Object.entries(schema.p)) {
            if (obj[key] === undefined && sub.d !== undefined)
                obj[key] = structuredClone(sub.d);
            if (obj[key] !== undefined)
                obj[key] = walk(obj[key], sub);
        }
    }
    if (schema.a) {
        for (const key of Object.keys(obj))
            if (!schema.p?.[key])
                obj[key] = walk(obj[key], schema.a);
    }
    return obj;
}

;// CONCATENATED MODULE: ./src/kuberay/upgrade-strategy.ts
/**
 * Which upgrade a cluster-level change gets: `isZeroDowntimeUpgradeEnabled` and
 * `IsIncrementalUpgradeEnabled` of the operator. `spec.upgradeStrategy.type` wins over the
 * operator's ENABLE_ZERO_DOWNTIME; NewClusterWithIncrementalUpgrade needs the
 * RayServiceIncrementalUpgrade feature gate, without which it disables zero-downtime upgrades.
 */

function incrementalGateOn(release, settings) {
    if (release.incrementalUpgrade === 'unsupported')
        return false;
    return settings.incrementalGate ?? release.incrementalUpgrade === 'gate-on-by-default';
}
function effectiveStrategy(spec, release, settings) {
    const us = spec.upgradeStrategy;
    const requested = isPlainObject(us) && typeof us.type === 'string' ? us.type : undefined;
    const gate = incrementalGateOn(release, settings);
    if (requested !== undefined) {
        if (requested === 'NewCluster')
            return { type: 'NewCluster', requested };
        if (requested === 'NewClusterWithIncrementalUpgrade') {
            if (gate)
                return { type: 'NewClusterWithIncrementalUpgrade', requested };
            const why = release.incrementalUpgrade === 'unsupported'
                ? `KubeRay ${release.version} has no incremental upgrade`
                : `the RayServiceIncrementalUpgrade feature gate is off (its default in KubeRay ${release.minor})`;
            return {
                type: 'None',
                requested,
                disabledBecause: `upgradeStrategy.type is NewClusterWithIncrementalUpgrade but ${why}, so the operator treats it like None`,
            };
        }
        return {
            type: 'None',
            requested,
            disabledBecause: requested === 'None' ? 'upgradeStrategy.type is None' : `upgradeStrategy.type is ${JSON.stringify(requested)}`,
        };
    }
    if (!settings.zeroDowntime)
        return { type: 'None', requested, disabledBecause: 'the operator runs with ENABLE_ZERO_DOWNTIME=false and the RayService sets no upgradeStrategy.type' };
    return { type: 'NewCluster', requested };
}

;// CONCATENATED MODULE: ./src/kuberay/validation.ts
/**
 * The operator's own validation of a RayService (ValidateRayServiceMetadata/Spec), for the rules
 * a plan can check from Git. A RayService that fails it is not reconciled at all: no cluster is
 * built or changed and no Serve config is sent (1.3–1.5: a Warning event InvalidRayServiceSpec
 * and retries; 1.6+: also Ready=False with reason ValidationFailed).
 */


const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
/** The first rule the operator would refuse, as a sentence; undefined when it accepts. */
function operatorRejection(name, annotations, spec, release, settings) {
    if (release.validatesName && (name.length > 47 || !DNS1035.test(name))) {
        return `the name "${name}" must be a DNS-1035 label of at most 47 characters (the operator appends a suffix for cluster names)`;
    }
    const us = isPlainObject(spec.upgradeStrategy) ? spec.upgradeStrategy : undefined;
    const type = us?.type;
    if (typeof type === 'string' && !release.upgradeTypes.includes(type)) {
        return `spec.upgradeStrategy.type ${JSON.stringify(type)} is not one of ${release.upgradeTypes.join(', ')}`;
    }
    if (release.incrementalUpgrade !== 'unsupported') {
        const d = spec.rayClusterDeletionDelaySeconds;
        if (typeof d === 'number' && d < 0)
            return 'spec.rayClusterDeletionDelaySeconds must not be negative';
        const timeout = annotations['ray.io/initializing-timeout'];
        if (typeof timeout === 'string' && !(GO_DURATION.test(timeout) && !/^0+(\.0+)?[a-zµ]+$/.test(timeout)) && !(/^\d+$/.test(timeout) && Number(timeout) > 0)) {
            return `annotation ray.io/initializing-timeout ${JSON.stringify(timeout)} must be a positive duration ("30m") or a positive number of seconds`;
        }
    }
    if (type === 'NewClusterWithIncrementalUpgrade' && incrementalGateOn(release, settings)) {
        const rcc = isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : {};
        if (rcc.enableInTreeAutoscaling !== true)
            return 'NewClusterWithIncrementalUpgrade needs rayClusterConfig.enableInTreeAutoscaling: true';
        const o = isPlainObject(us?.clusterUpgradeOptions) ? us.clusterUpgradeOptions : undefined;
        if (!o)
            return 'NewClusterWithIncrementalUpgrade needs spec.upgradeStrategy.clusterUpgradeOptions';
        const pct = (v) => typeof v === 'number' && v >= 0 && v <= 100;
        if (o.maxSurgePercent !== undefined && !pct(o.maxSurgePercent))
            return 'clusterUpgradeOptions.maxSurgePercent must be between 0 and 100';
        if (!pct(o.stepSizePercent))
            return 'clusterUpgradeOptions.stepSizePercent must be set, between 0 and 100';
        if (!(typeof o.intervalSeconds === 'number' && o.intervalSeconds > 0))
            return 'clusterUpgradeOptions.intervalSeconds must be set and positive';
        if (typeof o.gatewayClassName !== 'string' || !o.gatewayClassName)
            return 'clusterUpgradeOptions.gatewayClassName must be set';
        if (release.rejectsStepSizeAboveMaxSurge && o.stepSizePercent > (o.maxSurgePercent ?? 100)) {
            return 'clusterUpgradeOptions.stepSizePercent must not exceed maxSurgePercent';
        }
    }
    return undefined;
}
/** Why the operator leaves this RayService to someone else, if it does. */
function externallyManaged(spec, release) {
    const by = spec.managedBy;
    if (release.rayServiceManagedBy && typeof by === 'string' && by !== '' && by !== 'ray.io/kuberay-operator') {
        return `spec.managedBy is ${JSON.stringify(by)}: KubeRay skips this RayService and leaves it to that controller`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/util/structural-diff.ts
/**
 * Leaf-level differences between two plain JSON-like values, with their paths.
 * Lists are compared by position (order matters to the operator); a list that grew or shrank
 * reports whole added or removed elements.
 */


function diffValues(a, b, path = [], out = []) {
    if ((0,external_node_util_namespaceObject.isDeepStrictEqual)(a, b))
        return out;
    if (Array.isArray(a) && Array.isArray(b)) {
        const n = Math.max(a.length, b.length);
        for (let i = 0; i < n; i++)
            diffValues(a[i], b[i], [...path, i], out);
        return out;
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const k of [...keys].sort())
            diffValues(a[k], b[k], [...path, k], out);
        return out;
    }
    out.push({ path, from: a, to: b });
    return out;
}
/** Value at `path` inside `root`, or undefined. */
function valueAt(root, path) {
    let v = root;
    for (const seg of path) {
        if (Array.isArray(v) && typeof seg === 'number')
            v = v[seg];
        else if (isPlainObject(v))
            v = v[String(seg)];
        else
            return undefined;
    }
    return v;
}
/** `spec.rayClusterConfig.workerGroupSpecs[0].template` */
function formatPath(path) {
    let s = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            s += `[${seg}]`;
        else if (/^[A-Za-z_][\w-]*$/.test(seg))
            s += s ? `.${seg}` : seg;
        else
            s += `[${JSON.stringify(seg)}]`;
    }
    return s;
}

;// CONCATENATED MODULE: ./src/planner/describe-size.ts
/** "8 CPU, 32 GiB memory, 2 nvidia.com/gpu, 3 pods" */
function describeSize(f) {
    const parts = [];
    for (const [k, v] of Object.entries(f)) {
        if (k === 'cpu')
            parts.push(`${round(v)} CPU`);
        else if (k === 'memory' || k === 'ephemeral-storage' || k.startsWith('hugepages-'))
            parts.push(`${formatBytes(v)} ${k}`);
        else
            parts.push(`${round(v)} ${k}`);
    }
    return parts.join(', ') || 'no resources';
}
function formatBytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let i = 0;
    while (Math.abs(n) >= 1024 && i < units.length - 1) {
        n /= 1024;
        i++;
    }
    return `${round(n)} ${units[i]}`;
}
function round(n) {
    return String(Math.round(n * 100) / 100);
}

;// CONCATENATED MODULE: ./src/kuberay/cluster-hash.ts
/**
 * The operator's cluster-spec comparison, without the hash: two specs hash alike exactly when
 * their hashed views are deep-equal, so the planner compares views instead of SHA-1 strings
 * (`GenerateHashWithoutReplicasAndWorkersToDelete`, `isClusterSpecHashEqual`).
 */


/** The part of `rayClusterConfig` that the hash covers in this release (a copy). */
function hashedView(rayClusterConfig, release) {
    const view = structuredClone(rayClusterConfig);
    const groups = Array.isArray(view.workerGroupSpecs) ? view.workerGroupSpecs : [];
    for (const g of groups) {
        if (!isPlainObject(g))
            continue;
        delete g.replicas;
        delete g.minReplicas;
        delete g.maxReplicas;
        if (isPlainObject(g.scaleStrategy)) {
            delete g.scaleStrategy.workersToDelete;
            if (Object.keys(g.scaleStrategy).length === 0)
                delete g.scaleStrategy;
        }
    }
    if (release.hashBlanks.tolerationsAndSchedulingGates) {
        for (const t of [templateSpec(view.headGroupSpec), ...groups.map(templateSpec)]) {
            if (!t)
                continue;
            delete t.tolerations;
            delete t.schedulingGates;
        }
    }
    if (release.hashBlanks.clusterUpgradeStrategy)
        delete view.upgradeStrategy;
    if (release.hashBlanks.suspend)
        delete view.suspend;
    return view;
}
/** Is this path (inside rayClusterConfig) left out of the hash by this release? */
function isHashBlanked(path, release) {
    const [first, index, field, ...rest] = path;
    if (first === 'workerGroupSpecs' && typeof index === 'number') {
        if (field === 'replicas' || field === 'minReplicas' || field === 'maxReplicas')
            return true;
        if (field === 'scaleStrategy' && (rest[0] === 'workersToDelete' || rest.length === 0))
            return true;
        if (release.hashBlanks.tolerationsAndSchedulingGates &&
            field === 'template' &&
            rest[0] === 'spec' &&
            (rest[1] === 'tolerations' || rest[1] === 'schedulingGates'))
            return true;
        return false;
    }
    if (first === 'headGroupSpec' && release.hashBlanks.tolerationsAndSchedulingGates) {
        return index === 'template' && field === 'spec' && (rest[0] === 'tolerations' || rest[0] === 'schedulingGates');
    }
    if (first === 'upgradeStrategy')
        return release.hashBlanks.clusterUpgradeStrategy;
    if (first === 'suspend')
        return release.hashBlanks.suspend;
    return false;
}
/** Compares the goal spec with the spec the running (or pending) cluster was built from. */
function compareClusterSpecs(running, goal, release) {
    const a = hashedView(running, release);
    const b = hashedView(goal, release);
    if ((0,external_node_util_namespaceObject.isDeepStrictEqual)(a, b))
        return { kind: 'equal' };
    const runningGroups = groupsOf(a);
    const goalGroups = groupsOf(b);
    if (goalGroups.length > runningGroups.length) {
        const truncated = { ...b };
        if (runningGroups.length)
            truncated.workerGroupSpecs = goalGroups.slice(0, runningGroups.length);
        else
            delete truncated.workerGroupSpecs;
        if ((0,external_node_util_namespaceObject.isDeepStrictEqual)(a, truncated)) {
            return { kind: 'appended', appendedGroups: goalGroups.slice(runningGroups.length).map((g) => String(isPlainObject(g) ? g.groupName : '')) };
        }
    }
    return { kind: 'different' };
}
function groupsOf(spec) {
    return Array.isArray(spec.workerGroupSpecs) ? spec.workerGroupSpecs : [];
}
function templateSpec(group) {
    if (!isPlainObject(group) || !isPlainObject(group.template) || !isPlainObject(group.template.spec))
        return undefined;
    return group.template.spec;
}
/**
 * What the operator compares a new spec with, rebuilt from a running RayCluster: KubeRay compares
 * hashes computed from the RayService's spec when it built (or last updated) the cluster, and those
 * hashes leave out the blanked fields. A RayCluster's own copy of those fields drifts away (the
 * autoscaler sets replicas and workersToDelete; an incremental upgrade's cluster has no replicas;
 * Kueue toggles suspend), so they are taken from the RayService (`fromRayService`), the rest from
 * the cluster. Both arguments are stored views (storedSpec); returns a copy.
 */
function comparisonBase(clusterSpec, fromRayService, release) {
    const out = structuredClone(clusterSpec);
    const rsGroups = groupsOf(fromRayService);
    const outGroups = groupsOf(out);
    outGroups.forEach((g, i) => {
        if (!isPlainObject(g))
            return;
        const src = isPlainObject(rsGroups[i]) ? rsGroups[i] : {};
        for (const k of ['replicas', 'minReplicas', 'maxReplicas'])
            copyField(src, g, k);
        const srcScale = isPlainObject(src.scaleStrategy) ? src.scaleStrategy : {};
        const scale = isPlainObject(g.scaleStrategy) ? { ...g.scaleStrategy } : {};
        if (srcScale.workersToDelete === undefined)
            delete scale.workersToDelete;
        else
            scale.workersToDelete = srcScale.workersToDelete;
        if (Object.keys(scale).length)
            g.scaleStrategy = scale;
        else
            delete g.scaleStrategy;
        if (release.hashBlanks.tolerationsAndSchedulingGates) {
            const t = templateSpec(g);
            const s = templateSpec(src);
            if (t)
                for (const k of ['tolerations', 'schedulingGates'])
                    copyField(s ?? {}, t, k);
        }
    });
    if (release.hashBlanks.tolerationsAndSchedulingGates) {
        const t = templateSpec(out.headGroupSpec);
        const s = templateSpec(fromRayService.headGroupSpec);
        if (t)
            for (const k of ['tolerations', 'schedulingGates'])
                copyField(s ?? {}, t, k);
    }
    if (release.hashBlanks.clusterUpgradeStrategy)
        copyField(fromRayService, out, 'upgradeStrategy');
    if (release.hashBlanks.suspend)
        copyField(fromRayService, out, 'suspend');
    return out;
}
function copyField(from, to, key) {
    if (from[key] === undefined)
        delete to[key];
    else
        to[key] = structuredClone(from[key]);
}

;// CONCATENATED MODULE: ./src/serve/serve-config.ts
/**
 * serveConfigV2, read and compared the way Ray Serve reads it: as parsed YAML, applications
 * matched by name and deployments by name within them, so that reformatting, key order and
 * comments are no change at all. Each difference says what Ray Serve does with it.
 */





const LIGHTWEIGHT_DEPLOYMENT_OPTIONS = new Set([
    'user_config',
    'max_ongoing_requests',
    'max_concurrent_queries',
    'max_queued_requests',
    'graceful_shutdown_timeout_s',
    'graceful_shutdown_wait_loop_s',
    'health_check_period_s',
    'health_check_timeout_s',
    'request_router_config',
    'logging_config',
]);
const SCALING_OPTIONS = new Set(['num_replicas', 'autoscaling_config']);
const FIXED_AT_START = new Set(['http_options', 'grpc_options']);
/**
 * Parses `spec.serveConfigV2` of a manifest. Throws InputError naming the manifest line for YAML
 * that Ray Serve could not read, or a config without a list of named applications.
 */
function parseServeConfig(doc, path, text) {
    if (text === undefined || text === null)
        return undefined;
    const fieldLine = doc.lineOf(path);
    const field = formatPath(path);
    if (typeof text !== 'string') {
        throw new InputError(doc.file, fieldLine, field, 'must be a string holding the Serve config YAML', 'write it as a block scalar: `serveConfigV2: |` followed by the indented config');
    }
    const blockStart = doc.blockScalarStart(path);
    const toManifestLine = (inner) => (blockStart !== undefined ? blockStart + inner - 1 : fieldLine);
    let inner;
    try {
        inner = parseYamlDocuments(doc.file, text);
    }
    catch (e) {
        if (e instanceof InputError) {
            throw new InputError(doc.file, e.line ? toManifestLine(e.line) : fieldLine, field, `not valid Serve config YAML: ${e.problem}`, e.hint);
        }
        throw e;
    }
    if (inner.length === 0)
        return undefined;
    if (inner.length > 1)
        throw new InputError(doc.file, toManifestLine(inner[1].line), field, 'holds more than one YAML document', 'keep one Serve config per RayService');
    const serveDoc = inner[0];
    const value = serveDoc.value;
    const lineOf = (p) => toManifestLine(serveDoc.lineOf(p));
    if (!isPlainObject(value)) {
        throw new InputError(doc.file, fieldLine, field, 'must be a mapping with an `applications:` list', 'see the Ray Serve config file format');
    }
    const apps = value.applications;
    if (apps !== undefined && !Array.isArray(apps)) {
        throw new InputError(doc.file, lineOf(['applications']), `${field}.applications`, 'must be a list of applications');
    }
    const seen = new Map();
    (apps ?? []).forEach((app, i) => {
        const where = lineOf(['applications', i]);
        if (!isPlainObject(app))
            throw new InputError(doc.file, where, `${field}.applications[${i}]`, 'must be a mapping (name, import_path, …)');
        const name = appName(app, apps.length);
        if (seen.has(name)) {
            throw new InputError(doc.file, where, `${field}.applications[${i}].name`, `application name "${name}" is used twice (also line ${seen.get(name)})`, 'Ray Serve needs unique application names');
        }
        seen.set(name, where);
        if (app.deployments !== undefined && !Array.isArray(app.deployments)) {
            throw new InputError(doc.file, lineOf(['applications', i, 'deployments']), `${field}.applications[${i}].deployments`, 'must be a list of deployments');
        }
    });
    return { value, lineOf };
}
/** Differences that Ray Serve acts on. Formatting, key order and comments give none. */
function diffServeConfigs(base, head, fallbackLine) {
    const a = base?.value ?? {};
    const b = head?.value ?? {};
    if ((0,external_node_util_namespaceObject.isDeepStrictEqual)(a, b))
        return [];
    const sides = { base, head, lineIn: (cfg, p) => cfg?.lineOf(p) ?? fallbackLine };
    const out = [];
    diffTopLevelOptions(a, b, sides, out);
    const appsA = indexByName(a.applications, appName);
    const appsB = indexByName(b.applications, appName);
    for (const name of unionKeys(Object.fromEntries(appsA), Object.fromEntries(appsB)))
        diffApplication(name, appsA.get(name), appsB.get(name), sides, out);
    return out;
}
/** Options outside `applications` (http_options, proxy_location, …): some only take effect at start. */
function diffTopLevelOptions(a, b, sides, out) {
    for (const key of unionKeys(a, b)) {
        if (key === 'applications')
            continue;
        for (const c of diffValues(a[key], b[key], [key])) {
            out.push({
                display: formatPath(c.path),
                from: c.from,
                to: c.to,
                effect: FIXED_AT_START.has(key) ? 'serve-fixed-at-start' : 'serve-options',
                line: b[key] !== undefined ? sides.lineIn(sides.head, c.path) : sides.lineIn(sides.base, c.path),
            });
        }
    }
}
/** One application, matched by name: added, removed, or its own options and deployments compared. */
function diffApplication(name, ea, eb, sides, out) {
    const label = `applications[${name}]`;
    if (!ea && eb) {
        out.push({ display: label, from: undefined, to: eb.value, effect: 'app-added', line: sides.lineIn(sides.head, ['applications', eb.index]) });
        return;
    }
    if (ea && !eb) {
        out.push({ display: label, from: ea.value, to: undefined, effect: 'app-removed', line: sides.lineIn(sides.base, ['applications', ea.index]) });
        return;
    }
    if (!ea || !eb || (0,external_node_util_namespaceObject.isDeepStrictEqual)(ea.value, eb.value))
        return;
    const appA = ea.value;
    const appB = eb.value;
    for (const key of unionKeys(appA, appB)) {
        if (key === 'deployments' || key === 'name')
            continue;
        for (const c of diffValues(appA[key], appB[key], [key])) {
            out.push({
                display: `${label}.${formatPath(c.path)}`,
                from: c.from,
                to: c.to,
                effect: key === 'route_prefix' ? 'app-route' : 'app-redeployed',
                line: sides.lineIn(sides.head, ['applications', eb.index, ...c.path]),
            });
        }
    }
    const deploymentName = (d) => String(d.name ?? '');
    const depsA = indexByName(appA.deployments, deploymentName);
    const depsB = indexByName(appB.deployments, deploymentName);
    for (const dname of unionKeys(Object.fromEntries(depsA), Object.fromEntries(depsB))) {
        diffDeployment(`${label}.deployments[${dname}]`, { a: ea.index, b: eb.index }, depsA.get(dname), depsB.get(dname), sides, out);
    }
}
/** One deployment of an application, matched by name: what Ray Serve does with each option. */
function diffDeployment(label, app, da, db, sides, out) {
    if (!da && db) {
        out.push({
            display: label,
            from: undefined,
            to: db.value,
            effect: 'deployment-added',
            line: sides.lineIn(sides.head, ['applications', app.b, 'deployments', db.index]),
        });
        return;
    }
    if (da && !db) {
        out.push({
            display: label,
            from: da.value,
            to: undefined,
            effect: 'deployment-removed',
            line: sides.lineIn(sides.base, ['applications', app.a, 'deployments', da.index]),
        });
        return;
    }
    if (!da || !db)
        return;
    for (const c of diffValues(da.value, db.value)) {
        out.push({
            display: `${label}.${formatPath(c.path)}`,
            from: c.from,
            to: c.to,
            effect: deploymentOptionEffect(String(c.path[0])),
            line: sides.lineIn(sides.head, ['applications', app.b, 'deployments', db.index, ...c.path]),
        });
    }
}
/** Scaling options are applied live, lightweight ones reconfigure in place, the rest restart replicas. */
function deploymentOptionEffect(option) {
    if (SCALING_OPTIONS.has(option))
        return 'deployment-scaled';
    if (LIGHTWEIGHT_DEPLOYMENT_OPTIONS.has(option))
        return 'deployment-reconfigured';
    return 'deployment-restarted';
}
/** What a Serve effect means for the running application, in a few words. */
function describeServeEffect(effect) {
    switch (effect) {
        case 'app-added':
            return 'new application deployed';
        case 'app-removed':
            return 'application deleted';
        case 'app-redeployed':
            return 'application redeployed: its replicas restart';
        case 'app-route':
            return 'route changed, no restart';
        case 'deployment-added':
            return 'new deployment started';
        case 'deployment-removed':
            return 'deployment deleted';
        case 'deployment-reconfigured':
            return 'reconfigured in place, no restart';
        case 'deployment-scaled':
            return 'replicas scaled, no restart';
        case 'deployment-restarted':
            return "deployment's replicas replaced";
        case 'serve-fixed-at-start':
            return 'Ray Serve keeps the HTTP/gRPC options it started with: not applied to a running cluster';
        case 'serve-options':
            return 'Serve options updated';
    }
}
/** Ray Serve names an unnamed application "default" when it is the only one. */
function appName(app, count) {
    const name = isPlainObject(app) ? app.name : undefined;
    if (typeof name === 'string' && name)
        return name;
    return count <= 1 ? 'default' : '';
}
function indexByName(list, nameOf) {
    const m = new Map();
    if (!Array.isArray(list))
        return m;
    list.forEach((v, index) => {
        const name = nameOf(v, list.length) || `#${index}`;
        if (!m.has(name))
            m.set(name, { index, value: v });
    });
    return m;
}
function unionKeys(a, b) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

;// CONCATENATED MODULE: ./src/kuberay/stored-spec.ts


/** A field of a manifest the operator would refuse or that cannot be read. */
class SpecError extends Error {
    path;
    problem;
    hint;
    constructor(path, problem, hint) {
        super(problem);
        this.path = path;
        this.problem = problem;
        this.hint = hint;
    }
}
/** Keys whose values are maps of resource name → quantity. */
const QUANTITY_MAP_KEYS = new Set(['requests', 'limits', 'overhead', 'capacity', 'allocatable']);
/** Keys whose value is a single quantity. */
const QUANTITY_KEYS = new Set(['sizeLimit']);
/** Maps without `omitempty` in KubeRay's types: present-but-empty is not the same as absent. */
const KEEP_EMPTY_KEYS = new Set(['rayStartParams']);
/** Returns the stored view of a RayService `spec` (a deep copy). `path` is where `spec` sits. */
function storedSpec(spec, minor, path = ['spec']) {
    const defaulted = applyCrdDefaults(spec ?? {}, minor);
    return (normalize(defaulted, [...path]) ?? {});
}
function normalize(value, path) {
    if (value === null || value === undefined)
        return undefined;
    if (Array.isArray(value)) {
        const out = value.map((v, i) => normalize(v, [...path, i]) ?? null);
        return out.length ? out : undefined;
    }
    if (typeof value !== 'object')
        return value;
    const key = path[path.length - 1];
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        const here = [...path, k];
        let n;
        if (typeof key === 'string' && QUANTITY_MAP_KEYS.has(key) && isResourceMapParent(path)) {
            n = quantity(v, here);
        }
        else if (QUANTITY_KEYS.has(k) && v !== null && v !== undefined) {
            n = quantity(v, here);
        }
        else {
            n = normalize(v, here);
        }
        if (n === undefined && !(KEEP_EMPTY_KEYS.has(k) && v !== null && v !== undefined))
            continue;
        out[k] = n ?? {};
    }
    return Object.keys(out).length || KEEP_EMPTY_KEYS.has(String(key)) ? out : undefined;
}
/** `requests`/`limits` under `resources`, or a pod's `overhead`. */
function isResourceMapParent(path) {
    const key = path[path.length - 1];
    const parent = path[path.length - 2];
    return key === 'overhead' || parent === 'resources';
}
function quantity(v, path) {
    try {
        return canonicalizeQuantity(v);
    }
    catch (e) {
        if (e instanceof QuantityError)
            throw new SpecError(path, e.message, 'use a Kubernetes quantity: "500m", "2", "4Gi", "512Mi"');
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/planner/read-manifest.ts






function readManifest(m, release) {
    const lineOf = (p) => m.source.lineOf([...m.pathInDocument, ...p]);
    let spec;
    try {
        spec = storedSpec(m.object.spec, release.minor);
    }
    catch (e) {
        if (e instanceof SpecError)
            throw new InputError(m.source.file, lineOf(e.path), formatPath(e.path), e.problem, e.hint);
        throw e;
    }
    const cluster = isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : {};
    const serve = parseServeConfig({ ...m.source, lineOf: (p) => lineOf(p), blockScalarStart: (p) => m.source.blockScalarStart([...m.pathInDocument, ...p]) }, ['spec', 'serveConfigV2'], m.object.spec.serveConfigV2);
    return { m, spec, cluster, serve, lineOf };
}
/** Capacity figures parse quantities; a bad one is the user's input error, named with its line. */
function measure(r, f) {
    try {
        return f();
    }
    catch (e) {
        if (e instanceof QuantityError)
            throw new InputError(r.m.source.file, r.lineOf(['spec', 'rayClusterConfig']), 'spec.rayClusterConfig', e.message);
        throw e;
    }
}
function metadataOf(r) {
    const md = r.m.object.metadata;
    return isPlainObject(md) ? md : {};
}
function clusterUpgradeOptions(spec) {
    const us = spec.upgradeStrategy;
    return isPlainObject(us) && isPlainObject(us.clusterUpgradeOptions) ? us.clusterUpgradeOptions : {};
}
/** spec.rayClusterDeletionDelaySeconds, or the operator's default of 60 s. */
function deletionDelay(r) {
    const d = r.spec.rayClusterDeletionDelaySeconds;
    return typeof d === 'number' ? d : 60;
}

;// CONCATENATED MODULE: ./src/planner/reasons.ts

/** What a change to a RayService-level spec field (outside rayClusterConfig/serveConfigV2) does. */
function describeRayServiceField(key, release) {
    switch (key) {
        case 'upgradeStrategy':
            return 'how future cluster changes roll out; nothing rolls out now';
        case 'rayClusterDeletionDelaySeconds':
            return 'how long an old cluster is kept after a switch; nothing rolls out now';
        case 'serviceUnhealthySecondThreshold':
        case 'deploymentUnhealthySecondThreshold':
            return `ignored by KubeRay since 1.1 (deprecated); ${release.version} does nothing with it`;
        case 'serveService':
            return 'the operator reconciles the Serve Service object in place; no cluster rolls out';
        case 'excludeHeadPodFromServeSvc':
            return 'changes which pods back the Serve Service; no cluster rolls out';
        case 'suspend':
            return release.rayServiceSuspend
                ? 'suspends or resumes the whole RayService'
                : `not a RayService field in KubeRay ${release.version}: dropped by the API server`;
        case 'managedBy':
            return 'which controller reconciles this RayService';
        default:
            return 'a RayService setting; no cluster rolls out';
    }
}
/** Says how the worker groups moved (removed, renamed, reordered, changed and appended). */
function describeWorkerGroupChanges(base, head) {
    const names = (c) => (Array.isArray(c.workerGroupSpecs) ? c.workerGroupSpecs : []).map((g) => String(isPlainObject(g) ? g.groupName : ''));
    const a = names(base);
    const b = names(head);
    const out = [];
    const removed = a.filter((n) => !b.includes(n));
    const added = b.filter((n) => !a.includes(n));
    if (removed.length === 1 && added.length === 1 && a.length === b.length && a.indexOf(removed[0]) === b.indexOf(added[0])) {
        out.push(`worker group "${removed[0]}" renamed to "${added[0]}" (a rename is not an append)`);
        return out;
    }
    if (removed.length)
        out.push(`worker group${removed.length > 1 ? 's' : ''} ${removed.map((n) => `"${n}"`).join(', ')} removed (removal always needs a new cluster)`);
    const common = a.filter((n) => b.includes(n));
    const commonInHead = b.filter((n) => a.includes(n));
    if (common.join('\u0000') !== commonInHead.join('\u0000'))
        out.push('worker groups reordered (order is part of the hash)');
    const appendedAtEnd = added.length > 0 && b.slice(b.length - added.length).every((n) => added.includes(n));
    if (added.length && !removed.length && appendedAtEnd)
        out.push(`worker group${added.length > 1 ? 's' : ''} ${added.map((n) => `"${n}"`).join(', ')} appended, but existing groups changed too, so it is not a pure append`);
    else if (added.length && !appendedAtEnd)
        out.push(`worker group${added.length > 1 ? 's' : ''} ${added.map((n) => `"${n}"`).join(', ')} inserted before existing groups`);
    else if (added.length)
        out.push(`worker group${added.length > 1 ? 's' : ''} ${added.map((n) => `"${n}"`).join(', ')} added`);
    return out;
}

;// CONCATENATED MODULE: ./src/planner/explain.ts



function explain(x) {
    return [
        ...explainHashedClusterChange(x),
        ...explainAppendedGroups(x),
        ...explainServeInPlace(x),
        ...explainServeOptionsFixedAtStart(x),
        ...explainHashBlankedFields(x),
        ...explainNoRollout(x),
    ];
}
/** A change in hashed fields: ignored under None, else a new cluster (step by step, or blue/green). */
function explainHashedClusterChange(x) {
    if (x.cmp.kind !== 'different')
        return [];
    const v = `KubeRay ${x.release.version}`;
    const groupNotes = describeWorkerGroupChanges(x.b.cluster, x.h.cluster);
    const what = `The RayCluster spec changed in fields the operator hashes (${clusterFields(x.hashed)})${groupNotes.length ? `; ${groupNotes.join('; ')}` : ''}.`;
    if (x.strategy.type === 'None') {
        return [
            `${what} The change is silently ignored: ${x.strategy.disabledBecause}. No RayCluster is updated or created, and nothing tells you so in the status. To roll it out, set spec.upgradeStrategy.type: NewCluster (needs room for two clusters) or delete and recreate the RayService (downtime).`,
        ];
    }
    const rollout = x.strategy.type === 'NewClusterWithIncrementalUpgrade'
        ? `${what} ${v} builds a new RayCluster with every worker group at minReplicas and moves traffic step by step through the Gateway (${incrementalSteps(x.h)}); the autoscaler grows the new cluster as traffic arrives.`
        : `${what} ${v} builds a new RayCluster next to the running one and switches traffic once its Serve applications are ready (blue/green, NewCluster). The operator has no upgrade timeout: if the new cluster never becomes ready, it waits forever.`;
    return [rollout, ...explainServeWithNewCluster(x)];
}
function incrementalSteps(h) {
    const o = clusterUpgradeOptions(h.spec);
    return `${o.stepSizePercent ?? '?'}% every ${o.intervalSeconds ?? '?'} s, capacity surging by at most ${o.maxSurgePercent ?? 100}%`;
}
/** A Serve change shipped with a new cluster: which cluster gets it depends on the release. */
function explainServeWithNewCluster(x) {
    if (!x.appliedServe.length)
        return [];
    return [
        x.release.serveConfigAlsoToOldCluster
            ? `The Serve config changed too: KubeRay ${x.release.version} also sends it to the running cluster before the switch (kuberay#3423), so the old cluster serves the new config while the new one starts.`
            : 'The Serve config changed too: it is deployed on the new cluster only; the running cluster keeps serving the old config until traffic switches.',
    ];
}
function explainAppendedGroups(x) {
    if (x.cmp.kind !== 'appended')
        return [];
    const groups = x.cmp.appendedGroups;
    return [
        `Worker group${groups.length > 1 ? 's' : ''} ${groups.map((g) => `"${g}"`).join(', ')} appended at the end: KubeRay ${x.release.version} updates the running RayCluster in place, no second cluster. It replaces the whole RayCluster spec, so the existing groups' replicas are reset to the manifest's values, overriding the autoscaler (kuberay#1769).`,
    ];
}
/** Serve changes without a new cluster (none is built, or strategy None ignores it) go to the running one. */
function explainServeInPlace(x) {
    const newCluster = x.cmp.kind === 'different' && x.strategy.type !== 'None';
    if (!x.appliedServe.length || newCluster)
        return [];
    const apps = summarizePaths(x.appliedServe.map((s) => `${s.display}: ${describeServeEffect(s.effect)}`), 3);
    return [`Serve config changed (${apps}): the operator submits it to the running cluster's dashboard and Ray Serve updates the applications in place.`];
}
function explainServeOptionsFixedAtStart(x) {
    if (!x.serveChanges.some((s) => s.effect === 'serve-fixed-at-start'))
        return [];
    return [
        'http_options/grpc_options changed: Ray Serve keeps the options it started with, so a running cluster ignores them; they take effect only on a new cluster.',
    ];
}
function explainHashBlankedFields(x) {
    if (!x.blanked.length)
        return [];
    const autoscaling = x.h.cluster.enableInTreeAutoscaling === true;
    return [
        `Only fields that KubeRay ${x.release.version} leaves out of the cluster hash changed in the RayCluster spec (${clusterFields(x.blanked)}): they are not copied to the running RayCluster and do not build a new one (kuberay#4568).` +
            (autoscaling
                ? ' With in-tree autoscaling the autoscaler owns the replica counts anyway.'
                : ' To apply a replica change, scale the RayCluster directly, or ship it together with a change that builds a new cluster.'),
    ];
}
/** Nothing rolls out: say what changed instead (nothing, metadata, settings) and which annotations the operator reads. */
function explainNoRollout(x) {
    if (x.change !== 'none')
        return [];
    const out = [];
    if (x.changes.length === 0)
        out.push('No change reaches the operator: the manifests differ only in formatting, key order, comments or equivalent values (equal quantities, CRD defaults written out).');
    else if (x.changes.every((c) => c.path.startsWith('metadata.')))
        out.push('Only the RayService metadata changed: no generation bump, not copied to the RayClusters, nothing rolls out.');
    else
        out.push(`Only RayService settings changed (${summarizePaths(x.changes.map((c) => c.path))}): they take effect on the next reconcile; no cluster rolls out.`);
    const meaningful = x.changes.filter((c) => c.path.startsWith('metadata.annotations') && c.note?.startsWith('read by'));
    for (const m of meaningful) {
        const name = m.path.replace('metadata.annotations.', 'Annotation ').replace(/^metadata\.annotations\["(.*)"\]$/, 'Annotation $1');
        out.push(`${name} is read by the operator: it changes how it treats this RayService from now on.`);
    }
    return out;
}
/** Changed rayClusterConfig fields, named relative to rayClusterConfig. */
function clusterFields(list) {
    return summarizePaths(list.map((c) => c.path.replace(/^spec\.rayClusterConfig\./, '')));
}
function summarizePaths(paths, max = 4) {
    const uniq = [...new Set(paths)];
    return uniq.length <= max ? uniq.join(', ') : `${uniq.slice(0, max).join(', ')} and ${uniq.length - max} more`;
}

;// CONCATENATED MODULE: ./src/util/redact.ts
/**
 * Secrets out of free text: the one redaction pass that every string leaving the process goes
 * through (comment, summary, outputs, annotations, logs, JSON). Names stay visible; values go.
 *
 * The text comes from pull requests of strangers, so the pass must be LINEAR in its length: a
 * handful of forward scans, each reading every character a bounded number of times. Regular
 * expressions are used only where they start at a fixed prefix at the beginning of a run (a
 * lookbehind refuses every start inside a run), so no run is ever scanned from two starts;
 * everything else is a hand-written scanner. bench/redact.ts feeds it adversarial inputs.
 *
 * What counts as a secret:
 * - credentials in URLs: the whole userinfo, i.e. everything of the authority up to its LAST `@`
 *   (`https://user:p@ss@host`, `https://<token>@host`), except the conventional `git@` user;
 * - well-known token formats wherever they appear (GitHub, GitLab, Slack, AWS key ids, Google,
 *   Hugging Face, OpenAI, Stripe, JWTs, PEM private key blocks, base64 docker registry configs);
 * - the value after a secret-named key (`key=value`, `key: value`, `"key": "value"`, query
 *   parameters, `--flag=value`, `--flag value`) and after `Authorization: <scheme>` / `Bearer`.
 *
 * The key rule (isSecretName): a name is secret when one of its words is a secret word (password,
 * token, secret, credential(s), auth, authorization, bearer, passphrase, …), or a word ends in one
 * (`hftoken`, `dbpassword`), or the words join into a compound one (api key, private key, access
 * key, client secret, docker config json, …) — UNLESS its last word says the value only names or
 * sizes something (`secretName`, `token_path`, `auth_type`, `access_key_id`, `secretKeyRef`) or
 * its first word counts (`max_tokens`, `num_…`). Plurals such as `tokens` are not secret words, and
 * neither is `tokenizer`: `max_tokens: 512` in a Serve user_config is a model setting.
 */
const REDACTED = '[redacted]';
/** `text` with every secret-looking value replaced by REDACTED. */
function redactSecrets(text) {
    if (text.length < 6)
        return text; // shorter than any key=value or token worth hiding
    let out = redactPrivateKeys(text);
    out = redactUrlCredentials(out);
    out = redactKnownTokens(out);
    out = redactNamedValues(out);
    return out;
}
// ---------------------------------------------------------------------------------------------
// Secret names
/** Words that make a name secret on their own. */
const SECRET_WORDS = new Set([
    'password',
    'passwd',
    'passphrase',
    'secret',
    'token',
    'credential',
    'credentials',
    'creds',
    'auth',
    'authorization',
    'bearer',
    'apikey',
    'privatekey',
    'dockerconfigjson',
    'dockercfg',
]);
/** A word ending in one of these is secret too (`hftoken`, `dbpassword`, `clientsecret`). */
const SECRET_SUFFIXES = ['token', 'password', 'passwd', 'secret', 'apikey', 'privatekey', 'accesskey', 'secretkey'];
/** Secret when the words, joined, contain one of these (`api_key`, `secretAccessKey`, `ssh-key`). */
const SECRET_COMPOUNDS = [
    'apikey',
    'privatekey',
    'accesskey',
    'secretkey',
    'clientsecret',
    'dockerconfig',
    'sshkey',
    'signingkey',
    'encryptionkey',
    'masterkey',
    'accountkey',
    'sessionkey',
    'sharedkey',
];
/** A last word that says the value names, locates, sizes or configures a secret, not is one. */
const NAMING_LAST_WORDS = new Set([
    'name',
    'names',
    'file',
    'files',
    'path',
    'dir',
    'ref',
    'id',
    'ids',
    'type',
    'kind',
    'mode',
    'method',
    'url',
    'uri',
    'endpoint',
    'host',
    'hostname',
    'port',
    'enabled',
    'enable',
    'disabled',
    'required',
    'limit',
    'length',
    'len',
    'size',
    'count',
    'ttl',
    'expiry',
    'expires',
    'expiration',
    'timeout',
    'seconds',
    'duration',
    'retries',
    'version',
    'policy',
    'provider',
    'scope',
    'scopes',
    'field',
    'env',
    'prefix',
    'suffix',
    'format',
    'algorithm',
    'source',
    'mount',
    'namespace',
    'selector',
    'location',
    'user',
    'username',
    'email',
    'audience',
    'issuer',
    'realm',
    'strategy',
]);
/** A first word that counts or bounds (`max_tokens`). */
const COUNTING_FIRST_WORDS = new Set(['max', 'min', 'num', 'total', 'n']);
/** Names are short; a longer "name" is judged by its end (bounds the work per key). */
const MAX_NAME = 128;
/** Every secret name holds one of these: most names are rejected by this one cheap test. */
const SECRET_STEMS = /pass|secret|token|cred|auth|bearer|key|docker/i;
/** Names repeat (the same keys in every document): remember the verdicts, within a bound. */
const verdicts = new Map();
/** Whether a key, flag or variable name names a secret (see the rule at the top of this file). */
function isSecretName(name) {
    if (!SECRET_STEMS.test(name))
        return false;
    let verdict = verdicts.get(name);
    if (verdict === undefined) {
        verdict = judgeName(name);
        if (verdicts.size >= 4096)
            verdicts.clear();
        verdicts.set(name, verdict);
    }
    return verdict;
}
function judgeName(name) {
    const words = wordsOf(name.length > MAX_NAME ? name.slice(-MAX_NAME) : name);
    if (words.length === 0)
        return false;
    if (words.length === 1 && words[0] === 'pass')
        return true;
    if (words.length === 2 && words[0] === 'secret' && words[1] === 'id')
        return true; // Vault's AppRole secret_id
    if (NAMING_LAST_WORDS.has(words[words.length - 1]) || COUNTING_FIRST_WORDS.has(words[0]))
        return false;
    for (const w of words) {
        if (SECRET_WORDS.has(w))
            return true;
        for (const s of SECRET_SUFFIXES)
            if (w.endsWith(s))
                return true;
    }
    const joined = words.join('');
    return SECRET_COMPOUNDS.some((c) => joined.includes(c));
}
/**
 * Whether a key under a secret-named key still only names, locates or sizes something (`secret:
 * {secretName, items: [{path}], defaultMode}` of a Pod volume; `credentials: {username, password}`):
 * these stay visible, every other value under a secret-named key goes.
 */
function isNamingName(name) {
    const words = wordsOf(name.length > MAX_NAME ? name.slice(-MAX_NAME) : name);
    const last = words[words.length - 1];
    return last !== undefined && NAMING_LAST_WORDS.has(last) && !isSecretName(name);
}
/** `OPENAI_API_KEY` → openai, api, key; `secretAccessKey` → secret, access, key; `HFToken` → hf, token. */
function wordsOf(name) {
    // Each alternative consumes at least one character and never re-reads: linear in the name.
    return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? []).map((w) => w.toLowerCase());
}
// ---------------------------------------------------------------------------------------------
// Registry credentials
const BASE64_BLOB = /^[A-Za-z0-9+/]{8,}={0,2}$/;
/**
 * A docker registry credential: a `.dockerconfigjson` (as JSON or base64 of it), or the base64
 * `user:password` of its `auth` field. For values that are entirely one blob (an annotation).
 */
function isRegistryCredential(value) {
    const v = value.trim();
    if (v.startsWith('{'))
        return v.includes('"auths"') || v.includes('"auth"');
    if (!BASE64_BLOB.test(v))
        return false;
    const decoded = decodeBase64(v);
    if (decoded === undefined)
        return false;
    if (decoded.includes('"auths"') || decoded.includes('"auth"'))
        return true;
    // The `auth` field: printable `user:password`.
    const colon = decoded.indexOf(':');
    return colon > 0 && colon < decoded.length - 1 && /^[\x21-\x7e]+$/.test(decoded);
}
function decodeBase64(blob) {
    try {
        return atob(blob.length % 4 ? blob.padEnd(blob.length + 4 - (blob.length % 4), '=') : blob);
    }
    catch {
        return undefined;
    }
}
// ---------------------------------------------------------------------------------------------
// Building the output
/** Copies `text` with spans replaced, in increasing order (appending: V8 joins the pieces once, at the end). */
class Splicer {
    text;
    out = '';
    copied = 0;
    replaced = false;
    constructor(text) {
        this.text = text;
    }
    replace(start, end, by) {
        this.out += this.text.slice(this.copied, start) + by;
        this.copied = end;
        this.replaced = true;
    }
    result() {
        return this.replaced ? this.out + this.text.slice(this.copied) : this.text;
    }
}
const isSpace = (c) => c === 32 || c === 9;
const isWhite = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
const isQuote = (c) => c === 34 || c === 39 || c === 96; // " ' `
/** Characters of a key or flag name: letters, digits, `_`, `.`, `-`. */
const isNameChar = (c) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
// ---------------------------------------------------------------------------------------------
// PEM private keys
const PEM_BEGIN = '-----BEGIN ';
const PEM_END = '-----END ';
/** `-----BEGIN … PRIVATE KEY-----` body `-----END …`: the body goes, both armour lines stay. */
function redactPrivateKeys(text) {
    let begin = text.indexOf(PEM_BEGIN);
    if (begin < 0)
        return text;
    const out = new Splicer(text);
    // The next END at or after a position; searched again only when a body starts past it, and never
    // again once there is none: every BEGIN without END costs only its own body.
    let end = -2;
    while (begin >= 0) {
        const labelStart = begin + PEM_BEGIN.length;
        let labelEnd = labelStart;
        while (labelEnd < text.length && labelEnd - labelStart < 64 && text.charCodeAt(labelEnd) !== 45)
            labelEnd++;
        const label = text.slice(labelStart, labelEnd);
        if (!text.startsWith('-----', labelEnd) || !label.includes('PRIVATE KEY')) {
            begin = text.indexOf(PEM_BEGIN, labelEnd);
            continue;
        }
        const bodyStart = labelEnd + 5;
        if (end !== -1 && end < bodyStart)
            end = text.indexOf(PEM_END, bodyStart);
        let bodyEnd;
        if (end >= 0)
            bodyEnd = end;
        else {
            // A key cut short (no END line): its base64 body, up to the first character that is not.
            bodyEnd = bodyStart;
            while (bodyEnd < text.length && isBase64OrWhite(text.charCodeAt(bodyEnd)))
                bodyEnd++;
        }
        // The body without its surrounding blanks, so that an indented block keeps its shape.
        let from = bodyStart;
        let to = bodyEnd;
        while (from < to && isWhite(text.charCodeAt(from)))
            from++;
        while (to > from && isWhite(text.charCodeAt(to - 1)))
            to--;
        if (to > from)
            out.replace(from, to, REDACTED);
        begin = text.indexOf(PEM_BEGIN, bodyEnd);
    }
    return out.result();
}
function isBase64OrWhite(c) {
    return ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61 || c === 58 || c === 44 || c === 92 || isWhite(c));
}
// ---------------------------------------------------------------------------------------------
// URLs
/** User names that are a convention, not a credential (`ssh://git@github.com/org/repo`). */
const CONVENTIONAL_USERS = new Set(['git', 'hg', 'ssh', 'anonymous']);
/**
 * `scheme://userinfo@host…`: the authority runs from `://` to the first `/ ? #`, whitespace or
 * quote; its userinfo is everything up to its LAST `@`, so a password holding `@` or `:` goes whole.
 */
function redactUrlCredentials(text) {
    let sep = text.indexOf('://');
    if (sep < 0)
        return text;
    const out = new Splicer(text);
    while (sep >= 0) {
        const start = sep + 3;
        let end = start;
        let lastAt = -1;
        for (; end < text.length; end++) {
            const c = text.charCodeAt(end);
            if (isAuthorityEnd(c))
                break;
            if (c === 64)
                lastAt = end;
        }
        if (lastAt < 0 && text.charCodeAt(end) === 47)
            lastAt = atAfterSlashedPassword(text, start, end);
        if (lastAt > start && !isConventionalUser(text.slice(start, lastAt)) && !isDigest(text, lastAt + 1))
            out.replace(start, lastAt, REDACTED);
        // The authority holds no `//`, so the next `://` starts at its last character at the earliest.
        sep = text.indexOf('://', Math.max(end - 1, lastAt, sep + 1));
    }
    return out.result();
}
/**
 * `https://user:pa/ss@host`: a `/` in a password is not allowed unencoded, yet secret keys hold them
 * (AWS's do). When the authority ends at a `/` and has a colon that is not a port, the `@` after
 * the `/` (before any blank, quote, `?`, `#` or another `://`) ends the userinfo. Returns its index
 * or -1. The look-ahead stops at the next `://`, so look-aheads never overlap.
 */
function atAfterSlashedPassword(text, start, end) {
    if (text.charCodeAt(start) === 91)
        return -1; // [IPv6]
    let colon = start;
    while (colon < end && text.charCodeAt(colon) !== 58)
        colon++;
    if (colon === end)
        return -1; // no password
    let port = colon + 1;
    while (port < end && text.charCodeAt(port) >= 48 && text.charCodeAt(port) <= 57)
        port++;
    if (port === end)
        return -1; // host:8080
    for (let e = end; e < text.length; e++) {
        const c = text.charCodeAt(e);
        if (c === 64)
            return e;
        if (isAuthorityEnd(c) && c !== 47)
            return -1;
        if (c === 58 && text.startsWith('//', e + 1))
            return -1;
    }
    return -1;
}
function isAuthorityEnd(c) {
    // whitespace / ? # " ' ` < > \
    return isWhite(c) || c === 47 || c === 63 || c === 35 || isQuote(c) || c === 60 || c === 62 || c === 92;
}
function isConventionalUser(userinfo) {
    return CONVENTIONAL_USERS.has(userinfo);
}
/** `docker://img@sha256:…`: an image digest, not a host after credentials. */
function isDigest(text, at) {
    return text.startsWith('sha256:', at) || text.startsWith('sha512:', at);
}
// ---------------------------------------------------------------------------------------------
// Well-known token formats
/** Not inside a longer word: every regex below starts only at the beginning of a run. */
const START = '(?<![A-Za-z0-9_\\-])';
const KNOWN_TOKEN = new RegExp(`${START}(?:${[
    'gh[pousr]_[A-Za-z0-9]{30,}', // GitHub classic / OAuth / user / server / refresh
    'github_pat_[A-Za-z0-9_]{30,}', // GitHub fine-grained
    'gl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_\\-]{20,}', // GitLab
    'xox[abprs]-[A-Za-z0-9\\-]{10,}', // Slack
    '(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])', // AWS access key id
    'AIza[A-Za-z0-9_\\-]{35}', // Google API key
    'hf_[A-Za-z0-9]{30,}', // Hugging Face
    'sk-[A-Za-z0-9_\\-]{20,}', // OpenAI (sk-…, sk-proj-…)
    '[sr]k_(?:live|test)_[A-Za-z0-9]{10,}', // Stripe secret / restricted
    'eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]*', // JWT: header.payload.signature
    'npm_[A-Za-z0-9]{36}', // npm
    'pypi-[A-Za-z0-9_\\-]{50,}', // PyPI upload token
    'ya29\\.[A-Za-z0-9_\\-]{20,}', // Google OAuth access token
    'dop_v1_[a-f0-9]{64}', // DigitalOcean
    'SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}', // SendGrid
].join('|')})`, 'g');
/** Slack incoming webhooks: the path is the secret. */
const SLACK_HOOK = /hooks\.slack\.com\/(services|workflows|triggers)\/[A-Za-z0-9_/-]+/g;
/** `Bearer <token>` anywhere (the `Authorization:` header is handled with the named values). */
const BEARER = new RegExp(`${START}([Bb]earer +)[A-Za-z0-9._~+/=\\-]{8,}`, 'g');
/** Base64 of a JSON object (`{"…` → `eyJ`, `{\n` → `ewo`): a docker config when it holds "auth". */
const BASE64_JSON = /(?<![A-Za-z0-9+/=_-])e[wy][A-Za-z0-9+/]{14,}={0,2}/g;
function redactKnownTokens(text) {
    let out = text.replace(KNOWN_TOKEN, REDACTED);
    if (out.includes('hooks.slack.com/'))
        out = out.replace(SLACK_HOOK, `hooks.slack.com/$1/${REDACTED}`);
    if (out.includes('earer '))
        out = out.replace(BEARER, `$1${REDACTED}`);
    out = out.replace(BASE64_JSON, (blob) => {
        const decoded = decodeBase64(blob.length > 1 << 20 ? blob.slice(0, 1 << 20) : blob.replace(/=+$/, ''));
        return decoded?.includes('"auth') ? REDACTED : blob;
    });
    return out;
}
// ---------------------------------------------------------------------------------------------
// Named values: key=value, key: value, "key": "value", --flag value
/** `Authorization: Bearer x`: the scheme stays visible, the credential after it goes. */
const AUTH_SCHEMES = new Set(['bearer', 'basic', 'token', 'digest', 'negotiate', 'bot', 'ntlm']);
/** Values that are never secrets, so `auth_enabled: true` keeps its value. */
const PLAIN_VALUES = new Set(['true', 'false', 'yes', 'no', 'null', 'none', '~']);
/**
 * One forward scan. At each `=` or `:` the key before it is read backwards (it stops at the
 * previous separator, so all the backward reads together cover the text once); at each `-` that
 * starts a word, the flag name forwards. A secret name's value is replaced and the scan resumes
 * after it.
 */
function redactNamedValues(text) {
    const out = new Splicer(text);
    const n = text.length;
    let lineStart = 0;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        let next = i + 1;
        if (c === 10)
            lineStart = i + 1;
        else if (c === 61 || c === 58)
            next = afterKeyValue(text, i, lineStart, out);
        else if (c === 45 && (i === 0 || startsFlag(text.charCodeAt(i - 1))))
            next = afterFlag(text, i, out);
        // A value may span lines (block scalar, flag then value): keep the line start right.
        for (let j = next - 1; j > i; j--) {
            if (text.charCodeAt(j) === 10) {
                lineStart = j + 1;
                break;
            }
        }
        i = next;
    }
    return out.result();
}
/** Before a flag: start of a word in a command line, a YAML list, a JSON array. */
function startsFlag(prev) {
    return isWhite(prev) || isQuote(prev) || prev === 91 || prev === 44 || prev === 40; // [ , (
}
/** Where the scan resumes after the separator at `sep`, having redacted the value if the key is secret. */
function afterKeyValue(text, sep, lineStart, out) {
    let k = sep - 1;
    while (k >= lineStart && isSpace(text.charCodeAt(k)))
        k--;
    const quoted = k >= lineStart && isQuote(text.charCodeAt(k));
    if (quoted)
        k--;
    if (quoted && k >= lineStart && text.charCodeAt(k) === 92)
        k--; // \"key\": JSON inside a JSON string
    const keyEnd = k + 1;
    while (k >= lineStart && keyEnd - k <= MAX_NAME && isNameChar(text.charCodeAt(k)))
        k--;
    const keyStart = k + 1;
    if (keyStart === keyEnd || !isSecretName(text.slice(keyStart, keyEnd)))
        return sep + 1;
    if (text.charCodeAt(sep) === 61)
        return redactValue(text, sep + 1, 'bare', 0, out);
    return redactValue(text, sep + 1, quoted ? 'json' : 'yaml', keyStart - (quoted ? 1 : 0) - lineStart, out);
}
/** Redacts the value starting at `at` (after optional blanks) and returns where the scan resumes. */
function redactValue(text, at, style, keyColumn, out) {
    const n = text.length;
    let v = at;
    while (v < n && isSpace(text.charCodeAt(v)))
        v++;
    if (v >= n)
        return v;
    const c = text.charCodeAt(v);
    if (c === 10 || c === 13)
        return v;
    if (text.startsWith(REDACTED, v))
        return v + REDACTED.length;
    if (style !== 'bare' && (c === 123 || c === 91))
        return v; // { or [: a structure, whose keys are scanned one by one
    if (style === 'yaml' && (c === 124 || c === 62)) {
        const block = blockScalar(text, v, keyColumn);
        if (block) {
            out.replace(block.start, block.end, REDACTED);
            return block.end;
        }
    }
    // "value", 'value', `value`, or \"value\" (JSON inside a JSON string)
    const escaped = c === 92 && text.charCodeAt(v + 1) === 34;
    if (isQuote(c) || escaped) {
        const open = escaped ? v + 2 : v + 1;
        const close = closingQuote(text, open, escaped ? 34 : c, escaped);
        const end = close >= 0 ? close : bareEnd(text, open, 'bare');
        if (end > open && !PLAIN_VALUES.has(text.slice(open, end).toLowerCase()))
            out.replace(open, end, REDACTED);
        return close >= 0 ? close + 1 : Math.max(end, v + 1);
    }
    // Authorization: Bearer <credential>
    let valueStart = v;
    let w = v;
    while (w < n && w - v < 16 && isNameChar(text.charCodeAt(w)))
        w++;
    if (w < n && isSpace(text.charCodeAt(w)) && AUTH_SCHEMES.has(text.slice(v, w).toLowerCase())) {
        while (w < n && isSpace(text.charCodeAt(w)))
            w++;
        valueStart = w;
    }
    const end = bareEnd(text, valueStart, style);
    const value = text.slice(valueStart, end);
    if (value === '' || value.startsWith(REDACTED) || PLAIN_VALUES.has(value.toLowerCase()))
        return Math.max(end, v + 1);
    // A JSON number stays valid JSON as a string.
    out.replace(valueStart, end, style === 'json' ? `"${REDACTED}"` : REDACTED);
    return end;
}
/** The end of an unquoted value in `style` (see ValueStyle). */
function bareEnd(text, from, style) {
    const n = text.length;
    let e = from;
    if (style === 'yaml') {
        for (; e < n; e++) {
            const c = text.charCodeAt(e);
            if (c === 10 || c === 13 || c === 92 || c === 34 || c === 96 || c === 60)
                break;
            if (c === 124 && e > from && isSpace(text.charCodeAt(e - 1)))
                break;
        }
        while (e > from && isSpace(text.charCodeAt(e - 1)))
            e--;
        return e;
    }
    for (; e < n; e++) {
        const c = text.charCodeAt(e);
        if (isWhite(c) || isQuote(c) || c === 92 || c === 125 || c === 93)
            break; // \ } ]
        if (style === 'json' ? c === 44 : c === 38 || c === 60 || c === 62)
            break; // , | & < >
    }
    return e;
}
/** The closing quote on the same line (backslash escapes skipped for `"`), or -1. */
function closingQuote(text, from, quote, escaped) {
    for (let e = from; e < text.length; e++) {
        const c = text.charCodeAt(e);
        if (c === 10 || c === 13)
            return -1;
        if (escaped) {
            if (c === 92 && text.charCodeAt(e + 1) === quote)
                return e;
            if (c === 92)
                e++;
        }
        else if (c === 92 && quote === 34)
            e++;
        else if (c === quote)
            return e;
    }
    return -1;
}
/**
 * A YAML block scalar (`password: |` then lines indented deeper than the key): the span of its
 * content, from the first line's text to the end of the last non-blank line.
 */
function blockScalar(text, at, keyColumn) {
    const n = text.length;
    let p = at + 1;
    while (p < n && isBlockIndicator(text.charCodeAt(p)))
        p++;
    while (p < n && isSpace(text.charCodeAt(p)))
        p++;
    if (p < n && text.charCodeAt(p) === 13)
        p++;
    if (p >= n || text.charCodeAt(p) !== 10)
        return undefined;
    let line = p + 1;
    let start = -1;
    let end = -1;
    while (line < n) {
        let q = line;
        while (q < n && text.charCodeAt(q) === 32)
            q++;
        let eol = q;
        while (eol < n && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13)
            eol++;
        const blank = q === eol;
        if (!blank && q - line <= keyColumn)
            break;
        if (!blank) {
            if (start < 0)
                start = q;
            end = eol;
        }
        line = eol < n && text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
    }
    return start < 0 ? undefined : { start, end };
}
/** `|-`, `>+2`: chomping and indentation indicators. */
function isBlockIndicator(c) {
    return c === 45 || c === 43 || (c >= 48 && c <= 57);
}
/** Characters that cannot start a flag's value (markdown table cells, comments, closing brackets). */
const NOT_A_VALUE = new Set([124, 35, 41, 93, 125, 44, 59, 60, 62, 38]); // | # ) ] } , ; < > &
/**
 * At a `-` starting a word: a secret-named flag (`--api-key`, `-token`) followed by its value as the
 * next word (`--api-key X`, `"--api-key", "X"`, a YAML list `- --api-key` / `- X`). `--flag=value`
 * is left to the `=` rule. Returns where the scan resumes.
 */
function afterFlag(text, at, out) {
    const n = text.length;
    let e = at;
    while (e < n && isNameChar(text.charCodeAt(e)))
        e++;
    const dashes = text.charCodeAt(at + 1) === 45 ? 2 : 1;
    if (e - at > MAX_NAME + 2 || text.charCodeAt(at + dashes) === 45 || !isSecretName(text.slice(at + dashes, e)))
        return Math.max(e, at + 1);
    if (e < n && (text.charCodeAt(e) === 61 || text.charCodeAt(e) === 58))
        return e; // --token=X: the `=` rule
    let v = e;
    if (v < n && isQuote(text.charCodeAt(v)))
        v++;
    while (v < n && isWhite(text.charCodeAt(v)))
        v++;
    if (v < n && text.charCodeAt(v) === 44)
        v++; // , of a JSON array
    while (v < n && isWhite(text.charCodeAt(v)))
        v++;
    if (v + 1 < n && text.charCodeAt(v) === 45 && isSpace(text.charCodeAt(v + 1)))
        v += 2; // - of a YAML list
    if (v === e || v >= n || text.charCodeAt(v) === 45 || NOT_A_VALUE.has(text.charCodeAt(v)))
        return e; // no value, or the next flag
    return redactValue(text, v, 'bare', 0, out);
}

;// CONCATENATED MODULE: ./src/planner/redact.ts




/** kubectl's copy of a whole earlier manifest (env values and all). */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Container fields whose lists are a command line. */
const ARGV_KEYS = new Set(['args', 'command']);
/**
 * Redacts a value that sits at `path` (of the manifest, or of the Serve config with a `serveConfigV2`
 * prefix). `root`, the document `path` starts at, lets a single changed element of `args` be judged
 * by the flag before it (`--api-key`, then the value).
 */
function redactAt(path, value, root) {
    if (value === undefined || value === null)
        return value;
    if (isSecretPath(path))
        return REDACTED;
    if (root !== undefined && followsSecretFlag(path, value, root))
        return REDACTED;
    return redact_redactValue(value, placeOf(path));
}
/** Paths whose whole value is secret, whatever its shape. */
function isSecretPath(path) {
    const n = path.length;
    // containers[].env[].value (valueFrom only names a Secret or ConfigMap: fine to show)
    if (n >= 3 && path[n - 1] === 'value' && isIndex(path[n - 2]) && path[n - 3] === 'env')
        return true;
    if (path[n - 1] === LAST_APPLIED)
        return true;
    // Serve runtime_env.env_vars.X
    const ev = path.lastIndexOf('env_vars');
    return ev >= 0 && ev < n - 1;
}
/** `args[i]` (or `command[i]`) right after a secret-named flag such as `--api-key`. */
function followsSecretFlag(path, value, root) {
    const n = path.length;
    const last = path[n - 1];
    if (n < 2 || !isIndex(last) || !ARGV_KEYS.has(String(path[n - 2])))
        return false;
    if (typeof value === 'string' ? value.startsWith('--') : typeof value !== 'number')
        return false;
    const list = valueAt(root, path.slice(0, -1));
    const i = Number(last);
    return Array.isArray(list) && i > 0 && isSecretFlag(list[i - 1]);
}
function placeOf(path) {
    let key;
    let parent;
    let inList = false;
    let underSecret = false;
    for (const seg of path) {
        if (isIndex(seg)) {
            inList = true;
            continue;
        }
        if (key !== undefined) {
            underSecret ||= isSecretName(key);
            parent = key;
        }
        key = String(seg);
        inList = false;
    }
    return { key, parent, inList, underSecret };
}
/** A list index: a number, or digits (the Serve config's paths are split from display text). */
function isIndex(seg) {
    return typeof seg === 'number' || (typeof seg === 'string' && seg.length > 0 && seg.length < 10 && /^\d+$/.test(seg));
}
function redact_redactValue(value, place) {
    if (typeof value === 'string')
        return redactString(value, place);
    if (typeof value === 'number')
        return isSecretLeaf(place) ? REDACTED : value;
    if (Array.isArray(value)) {
        if (!place.inList && place.key !== undefined && ARGV_KEYS.has(place.key))
            return redactArgv(value, place);
        const element = { ...place, inList: true };
        return value.map((v) => redact_redactValue(v, element));
    }
    if (isPlainObject(value)) {
        // Serve runtime_env.env_vars: names stay, every value goes.
        if (place.key === 'env_vars' && !place.inList)
            return Object.fromEntries(Object.keys(value).map((k) => [k, REDACTED]));
        const envEntry = place.key === 'env' && place.inList;
        const underSecret = place.underSecret || (place.key !== undefined && isSecretName(place.key));
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            out[k] = envEntry && k === 'value' ? REDACTED : redact_redactValue(v, { key: k, parent: place.key, inList: false, underSecret });
        }
        return out;
    }
    return value; // booleans and null are never secrets
}
/**
 * A scalar under a secret-named key, or anywhere below one unless its own key only names something
 * or it sits in a reference (`secretKeyRef: {name, key}` names a Secret, never holds one).
 */
function isSecretLeaf(place) {
    if (place.key === undefined)
        return false;
    if (isSecretName(place.key))
        return true;
    return place.underSecret && !isNamingName(place.key) && !place.parent?.endsWith('KeyRef');
}
function redactString(value, place) {
    if (isSecretLeaf(place) || place.key === LAST_APPLIED)
        return REDACTED;
    if (place.parent === 'annotations' && !place.inList && isRegistryCredential(value))
        return REDACTED;
    return redactSecrets(value);
}
/** A command line: the element after a secret-named flag goes; `--flag=value` is the text pass's. */
function redactArgv(argv, place) {
    const element = { ...place, inList: true };
    const out = [];
    let hideNext = false;
    for (const arg of argv) {
        const isValue = typeof arg === 'number' || (typeof arg === 'string' && !arg.startsWith('--'));
        out.push(hideNext && isValue ? REDACTED : redact_redactValue(arg, element));
        hideNext = isSecretFlag(arg);
    }
    return out;
}
/** `--api-key`, `-token`, `--hf-token` (not `--token=X`, not `--max-tokens`). */
function isSecretFlag(arg) {
    return typeof arg === 'string' && arg.length <= 130 && /^--?[A-Za-z][\w.-]*$/.test(arg) && isSecretName(arg);
}

;// CONCATENATED MODULE: ./src/planner/field-changes.ts
/**
 * A RayService update, field by field: every changed field with what it alone makes the operator
 * do (its `effect`) and the head manifest line. The verdict over all of them is plan-update.ts's.
 */






function clusterFieldChanges(b, h, cmp, clusterEffect, release) {
    const baseGroupCount = Array.isArray(b.cluster.workerGroupSpecs) ? b.cluster.workerGroupSpecs.length : 0;
    const out = { all: [], hashed: [], blanked: [] };
    for (const d of diffValues(b.cluster, h.cluster)) {
        const { effect, note } = clusterFieldEffect(d.path, cmp, baseGroupCount, clusterEffect, release);
        const fc = fieldChange(b, h, ['spec', 'rayClusterConfig', ...d.path], d, effect, note);
        out.all.push(fc);
        (effect === 'ignored' && note ? out.blanked : out.hashed).push(fc);
    }
    return out;
}
/** A hash-blanked field is ignored; a field of an appended group goes in place; the rest follows the cluster. */
function clusterFieldEffect(path, cmp, baseGroupCount, clusterEffect, release) {
    if (isHashBlanked(path, release)) {
        return { effect: 'ignored', note: `not in the cluster hash of KubeRay ${release.version}: not applied to the running RayCluster` };
    }
    if (cmp.kind === 'appended' && path[0] === 'workerGroupSpecs' && typeof path[1] === 'number' && path[1] >= baseGroupCount) {
        return { effect: 'cluster-inplace', note: 'appended worker group: added to the running RayCluster' };
    }
    return { effect: clusterEffect };
}
/** serveConfigV2, application by application: options fixed at Serve start are ignored, the rest gets `appliedEffect`. */
function serveFieldChanges(serveChanges, appliedEffect) {
    return serveChanges.map((s) => {
        const servePath = ['serveConfigV2', ...s.display.split(/[.[\]]+/).filter(Boolean)];
        return {
            path: `spec.serveConfigV2: ${s.display}`,
            from: redactAt(servePath, s.from) ?? null,
            to: redactAt(servePath, s.to) ?? null,
            effect: s.effect === 'serve-fixed-at-start' ? 'ignored' : appliedEffect,
            line: s.line,
            note: describeServeEffect(s.effect),
        };
    });
}
/** The RayService's own settings (everything but rayClusterConfig and serveConfigV2): they never roll a cluster. */
function rayServiceSettingChanges(b, h, release) {
    const out = [];
    for (const key of field_changes_unionKeys(b.spec, h.spec)) {
        if (key === 'rayClusterConfig' || key === 'serveConfigV2')
            continue;
        for (const d of diffValues(b.spec[key], h.spec[key], [key])) {
            out.push(fieldChange(b, h, ['spec', ...d.path], d, 'none', describeRayServiceField(String(key), release)));
        }
    }
    return out;
}
/** Labels and annotations: never roll a cluster; the annotations the release reads are said to be read. */
function metadataChanges(b, h, release) {
    const out = [];
    for (const key of ['labels', 'annotations']) {
        for (const d of diffValues(metadataOf(b)[key] ?? {}, metadataOf(h)[key] ?? {}, ['metadata', key])) {
            const annotation = key === 'annotations' ? String(d.path[2]) : undefined;
            const read = annotation !== undefined && release.meaningfulAnnotations.includes(annotation);
            const note = read ? `read by the operator on its next reconcile; no rollout` : `RayService ${key} are not copied to existing RayClusters; no rollout`;
            out.push(fieldChange(b, h, d.path, d, 'none', note));
        }
    }
    return out;
}
function fieldChange(b, h, path, d, effect, note) {
    // Show what the user wrote (e.g. "4000m"), not the canonical form, where the manifest has it.
    const raw = (r, fallback) => {
        const v = valueAt(r.m.object, path);
        return v === undefined ? fallback : v;
    };
    const from = d.from === undefined ? undefined : redactAt(path, raw(b, d.from), b.m.object);
    const to = d.to === undefined ? undefined : redactAt(path, raw(h, d.to), h.m.object);
    const line = d.to !== undefined ? h.lineOf(path) : b.lineOf(path);
    return { path: formatPath(path), from: from ?? null, to: to ?? null, effect, line, ...(note ? { note } : {}) };
}
function field_changes_unionKeys(a, b) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

;// CONCATENATED MODULE: ./src/planner/plan-update.ts
/**
 * A RayService in base and head: the verdict over its changed fields, strongest rule first (a
 * suspend, a rebuilt cluster, appended groups, a Serve redeploy, ignored fields), its reasons and
 * the capacity the rollout holds.
 */







function planUpdate(b, h, strategy, release, id) {
    const cmp = compareClusterSpecs(b.cluster, h.cluster, release);
    const clusterEffect = clusterChangeEffect(strategy);
    const cluster = clusterFieldChanges(b, h, cmp, clusterEffect, release);
    const serveChanges = diffServeConfigs(b.serve, h.serve, h.lineOf(['spec', 'serveConfigV2']));
    const serveOnNewClusterOnly = rebuildsCluster(cmp, strategy) && !release.serveConfigAlsoToOldCluster;
    const changes = [
        ...cluster.all,
        ...serveFieldChanges(serveChanges, serveOnNewClusterOnly ? clusterEffect : 'app'),
        ...rayServiceSettingChanges(b, h, release),
        ...metadataChanges(b, h, release),
    ];
    const appliedServe = serveChanges.filter((s) => s.effect !== 'serve-fixed-at-start');
    const suspend = suspendRules(b, h, release);
    const change = verdict(suspend, cmp, strategy, appliedServe, changes);
    const facts = { change, cmp, strategy, release, hashed: cluster.hashed, blanked: cluster.blanked, serveChanges, appliedServe, b, h, changes };
    const capacity = capacityOf(change, b, h, strategy);
    const reasons = [...verdictReasons(suspend, facts), ...newClusterReasons(change, h, release, capacity)];
    return { ...id, change, reasons, changes: suspend.clusterToggledInPlace ? appliedWithToggle(changes) : changes, capacity };
}
/** What a change in hashed cluster fields does under the strategy in force. */
function clusterChangeEffect(strategy) {
    if (strategy.type === 'None')
        return 'ignored';
    return strategy.type === 'NewClusterWithIncrementalUpgrade' ? 'cluster-incremental' : 'cluster';
}
function rebuildsCluster(cmp, strategy) {
    return cmp.kind === 'different' && strategy.type !== 'None';
}
function suspendRules(b, h, release) {
    const clusterToggledInPlace = release.suspendToggleInPlace && (b.cluster.suspend === true) !== (h.cluster.suspend === true);
    const serviceToggled = release.rayServiceSuspend && (b.spec.suspend === true) !== (h.spec.suspend === true);
    return { clusterToggledInPlace, service: serviceToggled ? (h.spec.suspend === true ? 'suspend' : 'resume') : undefined };
}
/** The plan's change: the strongest rule that applies. */
function verdict(suspend, cmp, strategy, appliedServe, changes) {
    if (suspend.service)
        return suspend.service === 'suspend' ? 'delete' : 'create';
    if (suspend.clusterToggledInPlace)
        return 'cluster-inplace';
    if (rebuildsCluster(cmp, strategy))
        return clusterChangeEffect(strategy);
    if (cmp.kind === 'appended')
        return 'cluster-inplace';
    if (appliedServe.length)
        return 'app';
    if (changes.some((c) => c.effect === 'ignored'))
        return 'ignored';
    return 'none';
}
/** With the in-place suspend toggle, every effective RayCluster change goes to the running cluster. */
function appliedWithToggle(changes) {
    return changes.map((c) => c.path.startsWith('spec.rayClusterConfig') && c.effect !== 'none'
        ? { ...c, effect: 'cluster-inplace', note: 'applied in place with the suspend toggle' }
        : c);
}
/** A suspend rule explains itself; otherwise every step of the update is explained. */
function verdictReasons(suspend, x) {
    if (suspend.clusterToggledInPlace) {
        return [
            `rayClusterConfig.suspend toggled: KubeRay ${x.release.version} updates the running RayCluster in place before any hash check, replacing its whole spec, so every RayCluster change of this diff (replicas and fields that would otherwise build a new cluster included) is applied to the running cluster in place, without blue/green.`,
        ];
    }
    if (suspend.service)
        return [serviceSuspendReason(suspend.service, x.release)];
    return explain(x);
}
function serviceSuspendReason(service, release) {
    return service === 'suspend'
        ? `spec.suspend set: KubeRay ${release.version} deletes the RayService's RayClusters and Services (the applications stop serving) and keeps the RayService.`
        : `spec.suspend cleared: KubeRay ${release.version} builds a new RayCluster for the RayService and deploys its Serve config.`;
}
/** A second cluster is built: what can keep it from starting, and how long both clusters run. */
function newClusterReasons(change, h, release, capacity) {
    if (change !== 'cluster' && change !== 'cluster-incremental')
        return [];
    return [
        ...clusterUpgradeStrategyWarning(h, release),
        `During the rollout both clusters run side by side: up to ${describeSize(capacity.peak)} at once, for as long as the new cluster takes to become ready plus rayClusterDeletionDelaySeconds (${deletionDelay(h)} s) after the switch.`,
    ];
}
function clusterUpgradeStrategyWarning(h, release) {
    if (!release.rejectsClusterUpgradeStrategy || h.cluster.upgradeStrategy === undefined)
        return [];
    return [
        `rayClusterConfig.upgradeStrategy is set: KubeRay ${release.version}'s RayCluster controller refuses it on clusters created by a RayService (event InvalidRayClusterSpec), so the new cluster gets no pods. Remove it; the RayService's own spec.upgradeStrategy is the one that counts.`,
    ];
}
/** What runs before, what the changed cluster starts with, and the most held at once. */
function capacityOf(change, b, h, strategy) {
    const current = measure(b, () => clusterSize(b.cluster).total);
    const headSize = (atMinReplicas = false) => measure(h, () => clusterSize(h.cluster, { atMinReplicas }).total);
    const of = (next, peak) => ({ strategy: strategy.type, current, new: next, peak });
    switch (change) {
        case 'delete':
            return of(null, current);
        case 'create': {
            const next = headSize();
            return { strategy: strategy.type, current: null, new: next, peak: next };
        }
        case 'cluster': {
            const next = headSize();
            return of(next, sumFigures(current, next));
        }
        case 'cluster-incremental': {
            const next = headSize(true);
            return of(next, sumFigures(current, next));
        }
        case 'cluster-inplace': {
            const next = headSize();
            return of(next, maxFigures(current, next));
        }
        default:
            return of(current, current);
    }
}

;// CONCATENATED MODULE: ./src/planner/plan-service.ts
/**
 * One RayService, base → head: what the operator will do, why, which fields cause it, and what
 * capacity the rollout holds. Pure: manifests and settings in, a ServicePlan out. The steps live in
 * sibling modules: read-manifest (reading), field-changes and plan-update (an update's verdict),
 * explain (its reasons); this module handles create, delete and what the operator refuses outright.
 */










// The rendered comment sizes capacity in the same words as the reasons.

function planService(base, head, settings) {
    const release = settings.release;
    const any = (head ?? base);
    const b = base && readManifest(base, release);
    const h = head && readManifest(head, release);
    const strategy = effectiveStrategy((h ?? b).spec, release, settings);
    const id = { namespace: any.namespace, name: any.name, file: any.source.file };
    if (h)
        checkUnknownFields(h, release);
    if (!h)
        return planDelete(b, strategy, id);
    const planned = b ? planUpdate(b, h, strategy, release, id) : planCreate(h, strategy, release, id);
    return ignoredWhereOperatorSkips(withHeadPortWarning(planned, h), b, h, strategy, settings);
}
/**
 * Fields the release's CRD does not define: a server-side apply refuses them ("field not declared
 * in schema", seen on the real API server), and client-side tools drop them with a warning at
 * best. Either way the manifest cannot do what it says: refuse it, naming the field and line.
 */
function checkUnknownFields(h, release) {
    const { pruned } = pruneUnknownFields(h.m.object.spec, release.minor);
    const first = pruned[0];
    if (!first)
        return;
    const path = ['spec', ...first];
    const others = pruned.slice(1, 4).map((q) => `spec.${formatPath(q)}`);
    const more = pruned.length > 1 ? ` (and ${others.join(', ')}${pruned.length > 4 ? ', …' : ''})` : '';
    throw new InputError(h.m.source.file, h.lineOf(path), formatPath(path), `not a field of the RayService in KubeRay ${release.version}: the API server refuses it${more}`, 'fix the spelling, or plan for the operator release that has this field (--kuberay-version)');
}
function planCreate(h, strategy, release, id) {
    const size = measure(h, () => clusterSize(h.cluster));
    return {
        ...id,
        change: 'create',
        reasons: [
            `New RayService: the operator builds its first RayCluster (${describeSize(size.total)}) and deploys the Serve config on it, whatever the upgrade strategy.`,
            ...clusterUpgradeStrategyWarning(h, release),
        ],
        changes: [],
        capacity: { strategy: strategy.type, current: null, new: size.total, peak: size.total },
    };
}
function planDelete(b, strategy, id) {
    const size = measure(b, () => clusterSize(b.cluster));
    return {
        ...id,
        change: 'delete',
        reasons: [
            'The manifest is gone from head. The RayService and its RayClusters are deleted from the cluster only where deletion is enabled (`prune`); otherwise they keep running untracked.',
        ],
        changes: [],
        capacity: { strategy: strategy.type, current: size.total, new: null, peak: size.total },
    };
}
/**
 * A head container that lists ports but none named `dashboard`: KubeRay builds the head Service
 * from the listed ports only, never finds the dashboard ("dashboard port is not found" in its log,
 * no event, no condition), and a new cluster never leaves Initializing. Seen on the real operator.
 */
function withHeadPortWarning(p, h) {
    const containers = h.cluster.headGroupSpec?.template?.spec
        ?.containers;
    const ports = containers?.[0]?.ports;
    if (!ports?.length || ports.some((x) => x.name === 'dashboard'))
        return p;
    const line = h.lineOf(['spec', 'rayClusterConfig', 'headGroupSpec', 'template', 'spec', 'containers', 0, 'ports']);
    return {
        ...p,
        reasons: [
            ...p.reasons,
            `The head container lists ports (line ${line}) but none named \`dashboard\`: KubeRay then builds the head Service from those ports only, cannot reach the Ray dashboard, and a new cluster never leaves Initializing (the operator only logs "dashboard port is not found"). Add {containerPort: 8265, name: dashboard}.`,
        ],
    };
}
/** A head the operator refuses, or leaves to another controller: nothing of the change is applied. */
function ignoredWhereOperatorSkips(planned, b, h, strategy, settings) {
    const why = whyOperatorSkips(h, settings);
    if (!why)
        return planned;
    const current = b ? measure(b, () => clusterSize(b.cluster).total) : null;
    return {
        ...planned,
        change: 'ignored',
        reasons: [why, ...planned.reasons.map((r) => `Were it accepted: ${r}`)],
        changes: planned.changes.map((c) => ({ ...c, effect: c.effect === 'none' ? 'none' : 'ignored' })),
        capacity: { strategy: strategy.type, current, new: current, peak: current ?? {} },
    };
}
function whyOperatorSkips(h, settings) {
    const release = settings.release;
    const annotations = isPlainObject(metadataOf(h).annotations) ? metadataOf(h).annotations : {};
    const refusal = operatorRejection(h.m.name, annotations, h.spec, release, settings);
    if (refusal) {
        const shown = release.validationFailureReported === 'event-and-condition' ? 'Ready=False with reason ValidationFailed and' : 'only';
        return `KubeRay ${release.version} rejects this RayService: ${refusal}. It is not reconciled at all until that is fixed: no cluster is built or changed and no Serve config is sent (${shown} a Warning event InvalidRayServiceSpec).`;
    }
    const skipped = externallyManaged(h.spec, release);
    return skipped && `${skipped}. Nothing in this change is applied by KubeRay.`;
}

;// CONCATENATED MODULE: ./src/planner/plan.ts
/**
 * The planner: base and head manifest sets → a Plan. Pure; the adapters read files and render.
 */



class UnsupportedVersionError extends UserError {
}
function releaseFor(version) {
    const release = resolveRelease(version ?? DEFAULT_KUBERAY_VERSION);
    if (!release)
        throw new UnsupportedVersionError(`--kuberay-version: KubeRay ${version ?? DEFAULT_KUBERAY_VERSION} is not supported (supported: ${supportedVersionsText()})`);
    return release;
}
/** The release as the input names it: "1.7" for a minor line, "1.5.1" for an exact release. */
function shownVersion(input, release) {
    return input && /^v?\d+\.\d+\.\d+$/.test(input.trim()) ? release.version : release.minor;
}
/** The operator as the planner sees it: a release and the operator's two switches. */
function settingsFor(release, options) {
    return {
        release,
        zeroDowntime: options.zeroDowntime ?? true,
        ...(options.incrementalGate !== undefined ? { incrementalGate: options.incrementalGate } : {}),
    };
}
function plan(base, head, options = {}) {
    const release = releaseFor(options.kuberayVersion);
    const settings = settingsFor(release, options);
    const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
    return {
        kuberayVersion: shownVersion(options.kuberayVersion, release),
        services: ids.map((id) => planService(base.get(id), head.get(id), settings)),
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/kube/deadline.ts
/**
 * One deadline per command: the `--timeout` of apply and wait, a fixed one for plan --live. It
 * bounds every request of the command — the exec credential plugin, the API server stalling after
 * /version, lists, patches — so a command ends when it says it will, with a message naming what
 * did not answer instead of a hang.
 *
 * Requests are bounded twice, on purpose: the deadline's AbortSignal is handed to every request
 * (client-node passes it to fetch, and Node kills the credential plugin with it), which frees the
 * socket and the child process; and `within` races each call against the same deadline, so the
 * error says WHAT did not answer rather than "This operation was aborted".
 */

/** The deadline ran out while waiting for `what`. */
class DeadlineError extends UserError {
}
class Deadline {
    ms;
    source;
    at;
    controller = new AbortController();
    timer;
    /** What is being waited for right now beneath the requests (the credential plugin), for blame. */
    pending = new Map();
    /**
     * @param ms     how long from now; Infinity for none (the signal then never fires)
     * @param source what set it, for messages: "--timeout 30s"
     */
    constructor(ms, source) {
        this.ms = ms;
        this.source = source;
        this.at = Date.now() + ms;
        if (Number.isFinite(ms)) {
            this.timer = setTimeout(() => this.controller.abort(new DeadlineError(`${source} ran out`)), Math.max(0, ms));
            // A command that is done must not wait for its own deadline.
            this.timer.unref();
        }
    }
    /** Ends it now: what still runs under it (a credential plugin) is killed, requests are let go. */
    cancel() {
        clearTimeout(this.timer);
        this.controller.abort(new DeadlineError(`${this.source}: the command is done`));
    }
    static none() {
        return new Deadline(Number.POSITIVE_INFINITY, 'no deadline');
    }
    get signal() {
        return this.controller.signal;
    }
    get expired() {
        return this.controller.signal.aborted;
    }
    remainingMs() {
        return Math.max(0, this.at - Date.now());
    }
    /** "within 30 s (--timeout 30s)": how the messages say which deadline. */
    describe() {
        return `within ${formatSeconds(this.ms)} (${this.source})`;
    }
    /**
     * Marks `what` as running until the returned function is called: a request that runs out of
     * time meanwhile blames it (the credential plugin, not "GET /version", did not answer).
     */
    busy(what) {
        this.pending.set(what, (this.pending.get(what) ?? 0) + 1);
        let done = false;
        return () => {
            if (done)
                return;
            done = true;
            const n = (this.pending.get(what) ?? 1) - 1;
            if (n > 0)
                this.pending.set(what, n);
            else
                this.pending.delete(what);
        };
    }
    /** What did not answer: what runs beneath the request if anything, else the request. */
    culprit(request) {
        return this.pending.keys().next().value ?? request;
    }
    /**
     * `p`, or a DeadlineError naming `what` once the deadline has passed. An error that `p` itself
     * rejects with after the deadline (an aborted fetch, a killed plugin) becomes the same message.
     */
    within(what, p) {
        if (!Number.isFinite(this.ms))
            return p;
        const expiredError = () => new DeadlineError(`${this.culprit(what)} did not answer ${this.describe()}`);
        if (this.expired) {
            p.catch(() => { });
            return Promise.reject(expiredError());
        }
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                noteAbandoned();
                reject(expiredError());
            };
            this.signal.addEventListener('abort', onAbort, { once: true });
            p.then((v) => {
                this.signal.removeEventListener('abort', onAbort);
                resolve(v);
            }, (e) => {
                this.signal.removeEventListener('abort', onAbort);
                // A DeadlineError of its own (the credential plugin) is the more precise one.
                reject(this.expired && !(e instanceof UserError) ? expiredError() : e);
            });
        });
    }
}
function formatSeconds(ms) {
    if (!Number.isFinite(ms))
        return 'ever';
    if (ms < 1000)
        return `${ms} ms`;
    const s = Math.round(ms / 1000);
    return s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}
let abandoned = 0;
/**
 * Requests given up on (a deadline or a per-read timeout ran out, a watch still connecting when
 * the rollout was decided) may hold a socket until the network gives up (a black-holed API
 * server: minutes). A command that is done should not wait for them: the CLI and the action exit
 * explicitly when this is non-zero.
 */
function abandonedRequests() {
    return abandoned;
}
function noteAbandoned() {
    abandoned++;
}

;// CONCATENATED MODULE: ./src/kube/connection.ts
/**
 * The connection to a cluster: a kubeconfig and the @kubernetes/client-node module, loaded on
 * demand. The module (with its generated API) is ~19 MB of JavaScript, so it is bundled once, on
 * its own, as dist/kube/index.js (shared by dist/cli.js and dist/index.js, changed only when the
 * library is), and loaded only by the commands that talk to a cluster: `plan` starts fast.
 */







class ConnectionError extends UserError {
}
async function connect(opts = {}) {
    // The Kubernetes client's HTTP stack needs a current Node (it fails deep inside on Node 20).
    const major = Number(process.versions.node.split('.')[0]);
    if (major < 24)
        throw new ConnectionError(`talking to a cluster needs Node 24 or newer (this is Node ${process.versions.node}); the Git-only plan works on older ones`);
    const k8s = await loadClientNode();
    const kc = new k8s.KubeConfig();
    try {
        if (opts.kubeconfig)
            kc.loadFromFile(opts.kubeconfig);
        else
            kc.loadFromDefault();
        if (opts.context)
            kc.setCurrentContext(opts.context);
    }
    catch (e) {
        // Never echo the file: it holds credentials.
        throw new ConnectionError(`cannot load the kubeconfig${opts.kubeconfig ? ` ${opts.kubeconfig}` : ''}: ${e.message.split('\n')[0]}`);
    }
    checkContext(kc, opts);
    if (!kc.getCurrentCluster())
        throw new ConnectionError('no Kubernetes cluster configured: set KUBECONFIG or pass --kubeconfig');
    // With nothing to load, client-node falls back to an unauthenticated http://localhost:8080: say
    // "no credentials" rather than "cannot reach localhost".
    if (!opts.kubeconfig &&
        kc.getCurrentCluster()?.server === 'http://localhost:8080' &&
        !process.env.KUBECONFIG &&
        !process.env.KUBERNETES_SERVICE_HOST &&
        !(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.kube', 'config'))) {
        throw new ConnectionError('no Kubernetes credentials: neither KUBECONFIG, ~/.kube/config nor an in-cluster service account');
    }
    const conn = { k8s, kc, server: serverOf(kc), deadline: opts.deadline ?? Deadline.none() };
    boundRequests(conn);
    return conn;
}
/** Where the kubeconfig came from, for messages (a path, never its content). */
function kubeconfigSource(opts) {
    return opts.kubeconfig ?? (process.env.KUBECONFIG || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.kube', 'config'));
}
/**
 * A context that is not in the kubeconfig is named with the ones that are: client-node takes any
 * name, and would only say later that no cluster is configured.
 */
function checkContext(kc, opts) {
    const name = kc.getCurrentContext();
    if (!name || kc.getContextObject(name))
        return;
    const known = kc.getContexts().map((c) => c.name);
    const which = opts.context ? `context ${name}` : `the current-context ${name}`;
    throw new ConnectionError(`${which} is not in the kubeconfig (${kubeconfigSource(opts)}); ${known.length ? `contexts: ${known.join(', ')}` : 'it has no contexts'}`);
}
/** The server's host (no path, user or query: those can carry tokens). */
function serverOf(kc) {
    const cluster = kc.getCurrentCluster();
    try {
        return cluster ? new URL(cluster.server).host : 'in-cluster';
    }
    catch {
        return cluster?.name ?? 'unknown';
    }
}
/**
 * Every request of `conn` carries the deadline's signal (client-node hands it to fetch: a stalled
 * API server is let go, its socket closed), and the exec credential plugin of the kubeconfig
 * (`users[].user.exec`), which client-node runs with child_process.spawn and waits for without a
 * limit, is killed when the deadline runs out. A plugin that fails or does not answer is named.
 */
function boundRequests(conn) {
    const { kc } = conn;
    const plugin = kc.getCurrentUser()?.exec;
    const pluginName = `the kubeconfig's exec credential plugin (${(0,external_node_path_namespaceObject.basename)(plugin?.command ?? '?')})`;
    // ExecAuth keeps the spawn it uses in `execFn` (client-node 1.x and 2.x), made for replacing.
    const authenticators = kc.authenticators ?? [];
    const execAuth = authenticators.find((a) => typeof a?.execFn === 'function');
    if (execAuth) {
        execAuth.execFn = (command, args, options) => {
            const { signal } = conn.deadline;
            const release = conn.deadline.busy(pluginName);
            // Its own process group, so that a wrapper script's children die with it: one left
            // running would hold the pipes, and this process, open.
            const child = (0,external_node_child_process_namespaceObject.spawn)(command, args ?? [], { ...options, detached: true });
            const kill = () => {
                try {
                    if (child.pid)
                        process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    child.kill('SIGKILL'); // the group is gone already
                }
                child.stdout?.destroy();
                child.stderr?.destroy();
            };
            if (signal.aborted)
                kill();
            else
                signal.addEventListener('abort', kill, { once: true });
            child.on('close', () => {
                signal.removeEventListener('abort', kill);
                release();
            });
            return child;
        };
    }
    const original = kc.applySecurityAuthentication.bind(kc);
    kc.applySecurityAuthentication = async (context) => {
        try {
            await original(context);
        }
        catch (e) {
            if (!plugin)
                throw e;
            if (conn.deadline.expired)
                throw new DeadlineError(`${pluginName} did not answer ${conn.deadline.describe()}`);
            const said = (e?.message ?? '').split('\n').find((l) => l.trim());
            throw new ConnectionError(`${pluginName} failed: ${said?.trim().slice(0, 300) || 'it exited with an error and said nothing on stderr'}`);
        }
        context.setSignal(conn.deadline.signal);
    };
}
async function loadClientNode() {
    // From the bundle (dist/cli.js, dist/index.js) the library sits beside it; from the sources
    // (tests, tsx) it is the installed package. Either way the bundler must not inline it.
    // Not `new URL('./kube/index.js', import.meta.url)` written out: ncc (webpack) rewrites that very
    // pattern into the URL of an asset of its own (a hashed name it never emits), so the bundle never
    // found dist/kube/index.js and silently used node_modules; without node_modules (the action, a
    // copied dist/) it failed with "Cannot find package '@kubernetes/client-node'".
    const here = import.meta.url;
    const bundled = new URL('./kube/index.js', here);
    if (import.meta.url.startsWith('file:') && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_url_namespaceObject.fileURLToPath)(bundled))) {
        return (await import(/* webpackIgnore: true */ bundled.href));
    }
    const name = '@kubernetes/client-node';
    return (await import(/* webpackIgnore: true */ name));
}

;// CONCATENATED MODULE: ./src/kube/request-errors.ts
/**
 * What a failed request to the API server means, in words a person can act on. Node's fetch says
 * only "fetch failed" and hides the reason in `cause` (a TLS verification code, ECONNREFUSED, a
 * DNS failure, sometimes nested or inside an AggregateError when several addresses were tried);
 * client-node's ApiException carries the HTTP status and the server's own message.
 */

/** The API server could not be reached at all (network, TLS, a stall): nothing was read or applied. */
class ClusterUnreachableError extends UserError {
}
/** The API server answered, with a refusal that is not about a manifest (401, a missing permission). */
class ClusterRefusedError extends UserError {
}
const UNTRUSTED = "the API server's certificate is not trusted by the kubeconfig's certificate-authority; check certificate-authority-data / the context";
/** Node and undici error codes → what they mean. `{server}` is the API server's host. */
const NETWORK_CODES = {
    SELF_SIGNED_CERT_IN_CHAIN: UNTRUSTED,
    DEPTH_ZERO_SELF_SIGNED_CERT: UNTRUSTED,
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNTRUSTED,
    UNABLE_TO_GET_ISSUER_CERT: UNTRUSTED,
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNTRUSTED,
    CERT_SIGNATURE_FAILURE: UNTRUSTED,
    CERT_HAS_EXPIRED: "the API server's certificate has expired; renew it, or check this machine's clock",
    CERT_NOT_YET_VALID: "the API server's certificate is not valid yet; check this machine's clock",
    ERR_TLS_CERT_ALTNAME_INVALID: "the API server's certificate is for another name than {server}; check the cluster's server address (or tls-server-name)",
    ERR_SSL_WRONG_VERSION_NUMBER: 'the TLS handshake failed: is the server address https:// on a port that speaks TLS?',
    EPROTO: 'the TLS handshake failed: is the server address https:// on a port that speaks TLS?',
    ECONNREFUSED: 'the connection was refused: is the API server running at {server}, and is this the right context?',
    ENOTFOUND: "the host name was not found (DNS): check the cluster's server address in the kubeconfig",
    EAI_AGAIN: 'the host name could not be resolved (DNS is not answering): try again, or check the network',
    ETIMEDOUT: 'the connection timed out: is {server} reachable from this machine (a firewall, a private endpoint)?',
    UND_ERR_CONNECT_TIMEOUT: 'the connection timed out: is {server} reachable from this machine (a firewall, a private endpoint)?',
    EHOSTUNREACH: 'no route to {server}: is it reachable from this machine?',
    ENETUNREACH: 'the network is unreachable from this machine',
    ECONNRESET: 'the connection was reset: a proxy or load balancer in the way, or the API server restarting?',
    UND_ERR_SOCKET: 'the connection was closed: a proxy or load balancer in the way, or the API server restarting?',
    UND_ERR_HEADERS_TIMEOUT: 'the API server accepted the connection but did not answer',
};
const HTTP_HINTS = {
    401: 'the API server did not accept the credentials (HTTP 401): an expired token, or the wrong user in the context?',
    403: 'the credentials lack this permission (HTTP 403): docs/rbac.md lists the rules rayservice-rollout needs (deploy/rbac.yaml)',
    429: 'the API server is throttling requests (HTTP 429): try again later',
};
/** The HTTP status of a failed API call (client-node's ApiException), or undefined for other errors. */
function statusCode(e) {
    const c = e?.code;
    return typeof c === 'number' && c >= 100 ? c : undefined;
}
/** The API server's own message (e.g. a CRD validation error), not the client's wrapper text. */
function apiMessage(e) {
    const body = e?.body;
    if (typeof body === 'string') {
        try {
            const parsed = JSON.parse(body);
            if (parsed.message)
                return parsed.message;
        }
        catch {
            /* not JSON */
        }
    }
    if (body && typeof body === 'object' && typeof body.message === 'string')
        return body.message;
    return e?.message ?? String(e);
}
/**
 * The first error code of the chain, preferring one this module knows: `fetch failed` wraps the
 * socket's error in `cause`, which may wrap another, and a connection tried on several addresses
 * fails with an AggregateError whose `errors` hold the codes.
 */
function networkCode(e) {
    const seen = new Set();
    const codes = [];
    const queue = [e];
    while (queue.length && seen.size < 20) {
        const x = queue.shift();
        if (!x || typeof x !== 'object' || seen.has(x))
            continue;
        seen.add(x);
        const { code, cause, errors } = x;
        if (typeof code === 'string')
            codes.push(code);
        queue.push(cause);
        if (Array.isArray(errors))
            queue.push(...errors);
    }
    return codes.find((c) => c in NETWORK_CODES) ?? codes.find((c) => c !== 'ERR_INVALID_ARG_TYPE');
}
/** A failure of the transport (no HTTP answer): fetch's TypeError, a socket error, an abort. */
function isNetworkError(e) {
    if (e instanceof UserError || statusCode(e) !== undefined)
        return false;
    const err = e;
    return err?.message === 'fetch failed' || err?.cause !== undefined || networkCode(e) !== undefined || err?.name === 'AbortError';
}
/** One line: why the request failed, with what to do where that is known. */
function describeRequestError(e, server) {
    const status = statusCode(e);
    if (status !== undefined) {
        const hint = HTTP_HINTS[status];
        const message = request_errors_firstLine(apiMessage(e));
        return hint ? `${hint}${message && !/^HTTP-Code/.test(message) ? `: ${message}` : ''}` : `HTTP ${status}: ${message}`;
    }
    const code = networkCode(e);
    const known = code ? NETWORK_CODES[code] : undefined;
    if (known)
        return `${known.replaceAll('{server}', server)} (${code})`;
    const message = request_errors_firstLine(e?.message ?? String(e));
    return code ? `${message} (${code})` : message;
}
/**
 * The error a command reports for a failed request: UserErrors pass through; a transport failure
 * becomes ClusterUnreachableError, an HTTP refusal ClusterRefusedError, both naming what was asked.
 * Anything else is a bug and is returned unchanged.
 */
function requestError(e, what, server) {
    if (e instanceof UserError)
        return e;
    if (statusCode(e) !== undefined)
        return new ClusterRefusedError(`${what}: ${describeRequestError(e, server)}`);
    if (isNetworkError(e))
        return new ClusterUnreachableError(`the Kubernetes API server ${server} could not be reached (${what}): ${describeRequestError(e, server)}`);
    return e;
}
function request_errors_firstLine(s) {
    return (s.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 300);
}

;// CONCATENATED MODULE: ./src/kube/apply.ts





/** The API server refused one or more manifests (the dry run): nothing was applied. */
class ApplyRefusedError extends UserError {
    refusals;
    constructor(refusals) {
        super(`the API server refused ${refusals.length} manifest(s); nothing was applied:\n${refusals.map((r) => `  ${r}`).join('\n')}`);
        this.refusals = refusals;
    }
}
function objectToApply(m) {
    const o = structuredClone(m.object);
    o.metadata = { ...(o.metadata ?? {}), namespace: m.namespace };
    delete o.status;
    return o;
}
async function dryRunAll(conn, manifests, opts) {
    const { k8s, kc } = conn;
    const api = k8s.KubernetesObjectApi.makeApiClient(kc);
    const refusals = [];
    await Promise.all(manifests.map(async (m) => {
        const what = `the server-side dry run of ${serviceKey(m)}`;
        try {
            await conn.deadline.within(what, api.patch(objectToApply(m), undefined, 'All', opts.fieldManager, opts.forceConflicts, k8s.PatchStrategy.ServerSideApply));
        }
        catch (e) {
            // No answer at all says nothing about the manifest: the cluster is unreachable, or time ran out.
            if (statusCode(e) === undefined)
                throw requestError(e, what, conn.server);
            refusals.push(formatInputError(m.source.file, m.source.lineOf([...m.pathInDocument, 'metadata', 'name']), serviceKey(m), apiMessage(e), hintFor(e)));
        }
    }));
    if (refusals.length)
        throw new ApplyRefusedError(refusals.sort());
}
async function applyAll(conn, manifests, opts) {
    await dryRunAll(conn, manifests, opts);
    const { k8s, kc } = conn;
    const api = k8s.KubernetesObjectApi.makeApiClient(kc);
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    // Every RayService is read before any is patched: credentials that may patch but not get them
    // (a Role without `get`) are refused here with nothing applied, not with an internal error after
    // the dry run passed.
    const refusals = [];
    const befores = await Promise.all(manifests.map((m) => {
        const what = `GET RayService ${serviceKey(m)}`;
        return conn.deadline
            .within(what, custom.getNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace: m.namespace, plural: 'rayservices', name: m.name }))
            .catch((e) => {
            if (statusCode(e) === 404)
                return undefined;
            if (statusCode(e) === 403) {
                refusals.push(formatInputError(m.source.file, m.source.lineOf([...m.pathInDocument, 'metadata', 'name']), serviceKey(m), apiMessage(e), hintFor(e)));
                return undefined;
            }
            throw requestError(e, what, conn.server);
        });
    }));
    if (refusals.length)
        throw new ApplyRefusedError(refusals.sort());
    const out = [];
    for (const [i, m] of manifests.entries()) {
        const before = befores[i];
        const what = `the server-side apply of ${serviceKey(m)}`;
        const stored = (await conn.deadline
            .within(what, api.patch(objectToApply(m), undefined, undefined, opts.fieldManager, opts.forceConflicts, k8s.PatchStrategy.ServerSideApply))
            .catch((e) => {
            throw requestError(e, what, conn.server);
        }));
        const active = before?.status?.activeServiceStatus?.rayClusterName;
        out.push({ manifest: m, generation: stored.metadata.generation ?? 1, activeBefore: active || undefined, existed: before !== undefined });
    }
    return out;
}
function hintFor(e) {
    const code = statusCode(e);
    if (code === 409 && /kuberay-operator/.test(apiMessage(e))) {
        // Seen on the real operator (1.6.2): its finalizer update re-serializes the spec and so takes
        // ownership of the atomic workerGroupSpecs list; it never writes those fields again.
        return 'KubeRay took ownership of these fields when it added its finalizer and does not manage them afterwards: pass --force-conflicts (action input force-conflicts: true) to apply your manifest over them';
    }
    if (code === 409)
        return 'another field manager owns these fields: pass --force-conflicts to take them over';
    if (code === 403)
        return 'the credentials lack this permission: docs/rbac.md lists the rules rayservice-rollout needs (deploy/rbac.yaml)';
    if (code === 404)
        return 'is the KubeRay CRD installed, and does the namespace exist?';
    return undefined;
}

;// CONCATENATED MODULE: ./src/render/cluster-findings.ts


function clusterFindings(plan) {
    const out = [];
    const c = plan.cluster;
    if (!c)
        return out;
    if (c.mode === 'git-only')
        return c.notes.map((text) => ({ level: 'warning', text }));
    out.push({ level: 'info', text: `Cluster ${c.server ?? ''}: KubeRay ${plan.kuberayVersion}${c.operator ? ` (${c.operator.detail})` : ' (from the input)'}` });
    for (const n of c.notes)
        out.push({ level: 'info', text: n });
    for (const s of plan.services) {
        const v = s.cluster;
        if (!v)
            continue;
        const id = serviceKey(s);
        if (v.gitOnlyChange)
            out.push({ level: 'info', text: `${id}: ${s.change} against what runs (Git alone: ${v.gitOnlyChange})` });
        for (const n of v.notes)
            out.push({ level: 'info', text: `${id}: ${n}` });
        if (v.drift.length) {
            out.push({
                level: 'warning',
                text: `${id}: the live RayService differs from Git's base in ${v.drift
                    .map((d) => `${d.path}${d.manager ? ` (written by ${d.manager})` : ''}`)
                    .slice(0, 5)
                    .join(', ')}${v.drift.length > 5 ? ', …' : ''}: the apply overwrites what Git sets`,
            });
        }
        if (v.fit.verdict === 'does-not-fit') {
            out.push({
                level: 'warning',
                text: `${id}: ${v.fit.summary} ${v.fit.problems.join(' ')} Expect its new pods to stay Pending (or be refused) until room is made.`.trim(),
            });
        }
        else if (v.fit.verdict === 'fits' || v.fit.verdict === 'fits-after-scale-up') {
            out.push({ level: 'info', text: `${id}: ${v.fit.summary}` });
        }
    }
    return out;
}
/** "file:line: namespace/name: field: the API server refuses it: …" for every manifest the dry run refused. */
function dryRunRefusals(p) {
    return p.services.flatMap((s) => (s.cluster?.dryRunErrors ?? []).map((e) => formatInputError(s.file, e.line ?? undefined, serviceKey(s), `${e.path ? `${e.path}: ` : ''}the API server refuses it: ${e.message}`)));
}

;// CONCATENATED MODULE: ./src/util/kube-object.ts
/**
 * A typed view of Kubernetes objects as the API server returns them (plain JSON), for code that reads
 * objects it did not build: the metadata every object carries is typed, `spec` and `status` are
 * whatever the caller knows of them (unknown unless said), and anything else is `unknown` until
 * narrowed. The accessors read untyped values safely: a missing or malformed field reads as absent.
 */

/** The value as a map; anything else (absent, a list, a scalar) reads as an empty map. */
function asMap(v) {
    return isPlainObject(v) ? v : {};
}
/** The value as a list; anything else reads as an empty list. */
function asList(v) {
    return Array.isArray(v) ? v : [];
}
/** The value when it is a string. */
function stringOr(v) {
    return typeof v === 'string' ? v : undefined;
}
/** The value when it is a finite number. */
function numberOr(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
/** A map of strings (labels, annotations, a node selector); other entries are left out. */
function stringMap(v) {
    const out = {};
    for (const [k, x] of Object.entries(asMap(v)))
        if (typeof x === 'string')
            out[k] = x;
    return out;
}
/** The object's metadata, or an empty one when the value is not an object with metadata. */
function kube_object_metadataOf(o) {
    return asMap(asMap(o).metadata);
}
/** An untyped value seen as a Kubernetes object (an empty one when it is not a map). */
function asKubeObject(v) {
    return asMap(v);
}

;// CONCATENATED MODULE: ./src/kube/cluster-facts.ts







const TYPED_PATCH_REFUSAL = /failed to create typed patch object|field not declared in schema/;
const ADMISSION_DENIAL = /admission webhook .* denied|denied the request/i;
const DEFAULT_READ_MS = 15_000;
const OPERATOR_LABEL_SELECTORS = ['app.kubernetes.io/name=kuberay-operator', 'app.kubernetes.io/component=kuberay-operator'];
async function readClusterFacts(conn, base, head, opts) {
    const reads = factReader(conn, opts);
    await checkReachable(reads);
    const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
    const manifests = ids.map((id) => [id, (head.get(id) ?? base.get(id))]);
    const namespaces = [...new Set(manifests.map(([, m]) => m.namespace))].sort();
    const [services, dryRuns, operatorDeployments, nodes, pods, quotas, autoscalerStatus] = await Promise.all([
        Promise.all(manifests.map(([id, m]) => readService(reads, m).then((s) => [id, s]))),
        Promise.all([...head.entries()].map(([id, m]) => dryRun(reads, id, m).then((d) => [id, d]))),
        readOperatorDeployments(reads),
        reads.optional('list nodes', () => reads.core.listNode().then((l) => l.items.map(plain))),
        reads.optional('list pods', () => reads.core.listPodForAllNamespaces({ fieldSelector: 'spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed' }).then((l) => l.items.map(plain))),
        readQuotas(reads, namespaces),
        readAutoscalerStatus(reads),
    ]);
    return {
        server: reads.server,
        notes: reads.notes,
        services: new Map(services.filter((s) => s[1] !== undefined)),
        dryRuns: new Map(dryRuns),
        ...(operatorDeployments ? { operatorDeployments } : {}),
        ...(nodes ? { nodes } : {}),
        ...(pods ? { pods } : {}),
        ...(quotas ? { quotas } : {}),
        ...(autoscalerStatus !== undefined ? { autoscalerStatus } : {}),
    };
}
function factReader(conn, opts) {
    const { k8s, kc } = conn;
    const timeoutMs = opts.timeoutMs ?? DEFAULT_READ_MS;
    // Each read has its own limit (a slow optional read is noted, not fatal); all share the command's deadline.
    const within = (what, p) => conn.deadline.within(what, withTimeout(p, timeoutMs, conn.deadline.culprit(what)));
    const notes = [];
    const noted = new Set();
    const optional = async (what, f) => {
        try {
            return await within(what, f());
        }
        catch (e) {
            const code = statusCode(e);
            const key = `${what}:${code}`;
            if (!noted.has(key)) {
                noted.add(key);
                notes.push(code === 403
                    ? `Not allowed to ${what} (HTTP 403): that part of the plan is skipped (docs/rbac.md lists the read-only rules).`
                    : `Could not ${what}: ${shortMessage(e)}.`);
            }
            return undefined;
        }
    };
    return {
        conn,
        opts,
        server: conn.server,
        core: kc.makeApiClient(k8s.CoreV1Api),
        apps: kc.makeApiClient(k8s.AppsV1Api),
        custom: kc.makeApiClient(k8s.CustomObjectsApi),
        objects: k8s.KubernetesObjectApi.makeApiClient(kc),
        notes,
        within,
        optional,
    };
}
/** One cheap call first: an unreachable cluster fails here, fast, and the plan stays Git-only. */
async function checkReachable({ conn, opts, within, server }) {
    const { k8s, kc } = conn;
    try {
        await within('GET /version', kc.makeApiClient(k8s.VersionApi).getCode());
    }
    catch (e) {
        // The deadline, a failed credential plugin: already said in full.
        if (e instanceof UserError)
            throw e;
        // Still waiting for the credential plugin when the read gave up: name it, not GET /version.
        const culprit = conn.deadline.culprit('');
        if (culprit)
            throw new ClusterUnreachableError(`${culprit} did not answer within ${Math.round((opts.timeoutMs ?? DEFAULT_READ_MS) / 1000)} s`);
        throw new ClusterUnreachableError(`the Kubernetes API server ${server} could not be reached: ${describeRequestError(e, server)}`);
    }
}
/** An API answer as plain JSON (the client's classes carry Dates and undefined fields). */
const plain = (o) => JSON.parse(JSON.stringify(o));
/** The live RayService and the active and pending RayClusters its status names; undefined when unreadable. */
async function readService({ custom, optional }, m) {
    const rayService = await optional(`get RayServices in ${m.namespace}`, () => custom.getNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace: m.namespace, plural: 'rayservices', name: m.name }).then((o) => plain(o), (e) => {
        if (statusCode(e) === 404)
            return null;
        throw e;
    }));
    if (rayService === undefined)
        return undefined;
    if (rayService === null)
        return { rayService: null };
    const activeName = rayService.status?.activeServiceStatus?.rayClusterName;
    const pendingName = rayService.status?.pendingServiceStatus?.rayClusterName;
    if (!activeName && !pendingName)
        return { rayService };
    // Listed by the label the operator sets, not read by name: the apply role already may list them.
    const clusters = await optional(`list RayClusters in ${m.namespace}`, () => custom
        .listNamespacedCustomObject({
        group: 'ray.io',
        version: 'v1',
        namespace: m.namespace,
        plural: 'rayclusters',
        labelSelector: `ray.io/originated-from-cr-name=${m.name}`,
    })
        .then((l) => (l.items ?? []).map(plain)));
    const named = (n) => (typeof n === 'string' && n ? clusters?.find((c) => c.metadata?.name === n) : undefined);
    const active = named(activeName);
    const pending = named(pendingName);
    return { rayService, ...(active ? { active } : {}), ...(pending ? { pending } : {}) };
}
/** A server-side dry run of the head manifest: the object as stored, a refusal, or why it could not run. */
async function dryRun({ conn, opts, objects, within }, id, m) {
    const apply = (force) => within(`dry-run ${id}`, objects.patch(objectToApply(m), undefined, 'All', opts.fieldManager, force, conn.k8s.PatchStrategy.ServerSideApply));
    try {
        return { ok: true, object: plain(await apply(opts.forceConflicts)) };
    }
    catch (e) {
        if (statusCode(e) === 409 && !opts.forceConflicts) {
            try {
                return { ok: true, object: plain(await apply(true)), conflict: apiMessage(e) };
            }
            catch (again) {
                return refusal(again);
            }
        }
        return dryRunFailure(e, m);
    }
}
function dryRunFailure(e, m) {
    const code = statusCode(e);
    const message = apiMessage(e);
    // Refusals of the manifest itself: schema and validation errors (400, 422), a policy webhook's
    // denial (403 "admission webhook … denied"), and server-side apply's typed-patch errors (a value
    // of the wrong type, an unknown field), which kube-apiserver answers with a 500.
    if (code === 400 || code === 422 || (code === 403 && ADMISSION_DENIAL.test(message)) || TYPED_PATCH_REFUSAL.test(message))
        return refusal(e);
    // Anything else says nothing about the manifest: missing permission, a namespace not created yet,
    // throttling, an unwell server. Noted, never a failed plan.
    if (code === 403)
        return { ok: 'not-run', why: `not allowed to apply RayServices in ${m.namespace} (HTTP 403)` };
    if (code === 404)
        return { ok: 'not-run', why: `${message} (the apply fails unless it exists by then)` };
    return { ok: 'not-run', why: shortMessage(e) };
}
/** Helm labels the Deployment name=kuberay-operator, the kustomize manifests component=kuberay-operator. */
function readOperatorDeployments({ apps, optional }) {
    return optional('list the KubeRay operator Deployments', () => Promise.all(OPERATOR_LABEL_SELECTORS.map((labelSelector) => apps.listDeploymentForAllNamespaces({ labelSelector }))).then((lists) => {
        const byId = new Map();
        for (const d of lists.flatMap((l) => l.items.map(plain)))
            byId.set(`${d.metadata?.namespace}/${d.metadata?.name}`, d);
        return [...byId.values()];
    }));
}
/** The ResourceQuotas of every namespace the plan touches; undefined when any could not be read. */
async function readQuotas({ core, optional }, namespaces) {
    const lists = await Promise.all(namespaces.map((namespace) => optional(`list ResourceQuotas in ${namespace}`, () => core.listNamespacedResourceQuota({ namespace }).then((l) => l.items.map(plain)))));
    return lists.some((l) => l === undefined) ? undefined : lists.flat();
}
/** kube-system/cluster-autoscaler-status: null when absent, undefined (with a note) when unreadable. */
function readAutoscalerStatus({ core, within, notes }) {
    return within('read the cluster-autoscaler status', core.readNamespacedConfigMap({ name: 'cluster-autoscaler-status', namespace: 'kube-system' })).then((cm) => plain(cm), (e) => {
        if (statusCode(e) === 404)
            return null;
        notes.push(statusCode(e) === 403
            ? 'Not allowed to read kube-system/cluster-autoscaler-status (HTTP 403): whether a scale-up would make room is not known (docs/rbac.md).'
            : `Could not read kube-system/cluster-autoscaler-status: ${shortMessage(e)}.`);
        return undefined;
    });
}
function refusal(e) {
    const causes = asList(asMap(parseBody(e)?.details).causes).map(asMap);
    return {
        ok: false,
        message: apiMessage(e),
        causes: causes.map((c) => ({ ...(typeof c.field === 'string' && c.field ? { field: c.field } : {}), message: String(c.message ?? c.reason ?? '') })),
    };
}
function parseBody(e) {
    const body = e?.body;
    if (typeof body === 'string') {
        try {
            return JSON.parse(body);
        }
        catch {
            return undefined;
        }
    }
    return body && typeof body === 'object' ? body : undefined;
}
function shortMessage(e) {
    const m = statusCode(e) ? apiMessage(e) : e instanceof UserError ? e.message : describeRequestError(e, 'the API server');
    return m.split('\n')[0].slice(0, 300);
}
function withTimeout(p, ms, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            noteAbandoned();
            reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`));
        }, ms);
        timer.unref();
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

;// CONCATENATED MODULE: ./src/planner/live/compare-with-live.ts
/**
 * What the operator compares the head with: the live RayService's spec, with the cluster spec of the
 * PENDING RayCluster when an upgrade is in progress, else the active one (`shouldPrepareNewCluster`,
 * `shouldUpdateCluster`); and whether the RayService is in a state where KubeRay applies nothing.
 */




/** Notes on what was compared, and why, go into `notes`. */
function compareWithLive(gitBase, gitHead, live, release, notes) {
    const found = live?.rayService ?? undefined;
    if (live && found)
        return compareWithLiveRayService(found, live, gitBase, gitHead, release, notes);
    const none = { found, comparedWith: undefined, halted: undefined, activeName: undefined, pendingName: undefined };
    if (live && live.rayService === null && gitBase && gitHead) {
        notes.push("In Git's base but not in the cluster: the apply creates it (a new RayCluster, whatever the strategy).");
        return { ...none, base: undefined };
    }
    if (!live)
        notes.push("The live RayService could not be read: compared with Git's base only.");
    return { ...none, base: gitBase };
}
function compareWithLiveRayService(found, live, gitBase, gitHead, release, notes) {
    const activeName = nonEmpty(found.status?.activeServiceStatus?.rayClusterName);
    const pendingName = nonEmpty(found.status?.pendingServiceStatus?.rayClusterName);
    const { spec, comparedWith } = compareWithPendingCluster(found, live, pendingName, release, notes);
    // Git's metadata, never the live object's: annotations such as kubectl's last-applied-configuration
    // hold whole manifests (env values included), and other tools' labels are not this change's business.
    const shape = gitBase ?? gitHead;
    let base = { ...shape, object: { ...shape.object, spec } };
    if (!activeName && !pendingName) {
        // No cluster yet (the operator has not got to it, or refused the spec): with neither an active
        // nor a pending cluster, shouldPrepareNewCluster builds the first one from whatever spec it sees.
        base = undefined;
        notes.push('The RayService exists but has no RayCluster yet: the operator builds its first one from this spec.');
    }
    const halted = stateWhereKubeRayAppliesNothing(found);
    if (conditionOf(found, 'RollbackInProgress')?.status === 'True') {
        notes.push('A rollback is in progress (RollbackInProgress): KubeRay routes traffic back to the active cluster and prepares no new cluster until it has finished.');
    }
    return { found, base, comparedWith, halted, activeName, pendingName };
}
/**
 * The live RayService's spec with the cluster spec the operator compares with: the pending cluster
 * if there is one, else the active one. A pending name whose RayCluster does not exist yet is created
 * from the RayService's own spec on the operator's next pass: that spec is then the reference.
 */
function compareWithPendingCluster(found, live, pendingName, release, notes) {
    const target = pendingName ? live.pending : live.active;
    const spec = { ...(found.spec ?? {}) };
    if (!target || !isPlainObject(target.spec))
        return { spec, comparedWith: pendingName };
    const rsCluster = storedCluster(found.spec?.rayClusterConfig, release);
    const clusterSpec = storedCluster(target.spec, release);
    spec.rayClusterConfig = comparisonBase(clusterSpec, rsCluster, release);
    const comparedWith = String(target.metadata?.name);
    if (!(0,external_node_util_namespaceObject.isDeepStrictEqual)(hashedView(clusterSpec, release), hashedView(rsCluster, release))) {
        notes.push(`RayCluster ${comparedWith} runs a spec that differs from the RayService's in fields KubeRay hashes: a change the operator ignored (upgrade strategy None, or zero-downtime off), or an edit of the RayCluster itself. KubeRay compares with the hash it stored when it built the cluster; this plan assumes the cluster runs the spec it was built from — after a direct edit of the RayCluster, the operator sees no change where this plan does.`);
    }
    return { spec, comparedWith };
}
/** Being deleted, or the terminal InitializingTimeout: the operator reconciles nothing of a change. */
function stateWhereKubeRayAppliesNothing(found) {
    if (found.metadata?.deletionTimestamp) {
        return 'The RayService is being deleted in the cluster: the operator only cleans up, and the apply changes nothing until the deletion finishes.';
    }
    if (conditionOf(found, 'Ready')?.reason === 'InitializingTimeout') {
        return 'The RayService is in the terminal state InitializingTimeout (Ready=False): KubeRay no longer reconciles it, so this change is not applied. Delete and re-create the RayService to recover.';
    }
    return undefined;
}
/** A RayCluster spec as the API server stores it (defaults applied); as read when it cannot be. */
function storedCluster(rayClusterConfig, release) {
    try {
        const spec = storedSpec({ rayClusterConfig: rayClusterConfig ?? {} }, release.minor);
        return isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : {};
    }
    catch {
        return isPlainObject(rayClusterConfig) ? rayClusterConfig : {};
    }
}
function conditionOf(o, type) {
    return (o.status?.conditions ?? []).find((c) => c.type === type);
}
function nonEmpty(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}

;// CONCATENATED MODULE: ./src/planner/live/drift.ts
/**
 * Drift: where the live RayService differs from Git's base — someone used kubectl, or a run applied
 * another revision. Both sides are read the way the operator reads them (CRD defaults, canonical
 * quantities, empty = absent), so defaulting is never reported as drift; the Serve config is compared
 * as YAML, not as text. Pure.
 */





/** Field managers that write the spec without a person behind them. */
const OPERATOR_MANAGERS = new Set(['ray-operator', 'kuberay-operator', 'manager']);
function driftOf(baseSpec, live, minor, lineOf) {
    const git = storedSpec(baseSpec, minor);
    const now = storedSpec(live.spec ?? {}, minor);
    const out = [];
    const gitServe = serveOf(git.serveConfigV2);
    const liveServe = serveOf(now.serveConfigV2);
    // The Serve config is YAML in a string: compare what it says, field by field.
    for (const d of diffValues(gitServe, liveServe, ['spec', 'serveConfigV2']))
        out.push(entry(d.path, d.from, d.to));
    delete git.serveConfigV2;
    delete now.serveConfigV2;
    for (const d of diffValues(git, now, ['spec']))
        out.push(entry(d.path, d.from, d.to));
    return out;
    function entry(path, from, to) {
        const manager = lastWriter(live, path);
        const line = from === undefined ? null : lineOf(path[1] === 'serveConfigV2' ? path.slice(0, 2) : path);
        return {
            path: formatPath(path),
            git: redactAt(path, from, { spec: git }) ?? null,
            live: redactAt(path, to, { spec: now }) ?? null,
            line,
            ...(manager ? { manager } : {}),
        };
    }
}
function serveOf(text) {
    if (typeof text !== 'string')
        return text;
    try {
        return (0,dist/* parse */.qg)(text);
    }
    catch {
        return text;
    }
}
/**
 * The field manager that owns the deepest prefix of `path` in the object's managedFields (fieldsV1:
 * `f:<name>` per field; lists and list items are not followed — an atomic list such as
 * workerGroupSpecs is owned as a whole). Ties go to the most recent write. The operator's own
 * writes are reported only when nobody else owns the field.
 */
function lastWriter(object, path) {
    let best;
    for (const mf of (object.metadata?.managedFields ?? [])) {
        let node = mf.fieldsV1;
        let depth = 0;
        for (const seg of path) {
            if (typeof seg !== 'string' || !node || typeof node !== 'object')
                break;
            const next = node[`f:${seg}`];
            if (next === undefined)
                break;
            node = next;
            depth++;
        }
        // Owned: the whole path was found, or the walk ended on a leaf (`{}`: a scalar, or an atomic
        // list/map such as workerGroupSpecs, owned as a whole). A parent that merely contains other
        // managers' fields says nothing.
        const owns = depth === path.length || (depth > 0 && !!node && typeof node === 'object' && Object.keys(node).length === 0);
        if (!owns)
            continue;
        const manager = String(mf.manager ?? '');
        const operator = OPERATOR_MANAGERS.has(manager);
        const time = String(mf.time ?? '');
        const better = !best || (best.operator && !operator) || (best.operator === operator && (depth > best.depth || (depth === best.depth && time > best.time)));
        if (better)
            best = { manager, depth, time, operator };
    }
    return best?.manager;
}
/**
 * Fields that the server-side apply of `head` keeps although `head` does not set them: the dry run's
 * stored object has them because another field manager owns them (a `kubectl edit` that Git never saw).
 */
function keptByApply(headSpec, dryRunObject, minor) {
    const wanted = storedSpec(headSpec, minor);
    const stored = storedSpec(dryRunObject.spec ?? {}, minor);
    return diffValues(wanted, stored, ['spec'])
        .filter((d) => !(d.path.length === 2 && d.path[1] === 'serveConfigV2' && (0,external_node_util_namespaceObject.isDeepStrictEqual)(serveOf(d.from), serveOf(d.to))))
        .map((d) => formatPath(d.path));
}

;// CONCATENATED MODULE: ./src/placement/match.ts
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
const REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
/** The first non-resource filter the node fails, as kube-scheduler words it; undefined when it passes all. */
function nonResourceFailure(pod, node) {
    if (node.unschedulable && !tolerates(pod.tolerations, UNSCHEDULABLE_TAINT))
        return REASON_UNSCHEDULABLE;
    if (!matchesNodeSelector(pod, node))
        return REASON_AFFINITY;
    const taint = untoleratedTaint(pod.tolerations, node.taints);
    if (taint)
        return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
    return undefined;
}
/** The first NoSchedule/NoExecute taint no toleration covers (PreferNoSchedule never blocks). */
function untoleratedTaint(tolerations, taints) {
    return taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(tolerations, t));
}
/**
 * A toleration with an effect only covers taints of that effect; `Exists` with no key covers every
 * taint; `Equal` (the default) needs key and value to match, a missing value being "".
 */
function tolerates(tolerations, taint) {
    for (const tol of tolerations) {
        if (tol.effect && tol.effect !== taint.effect)
            continue;
        const op = tol.operator ?? 'Equal';
        if (op === 'Exists') {
            if (!tol.key || tol.key === taint.key)
                return true;
        }
        else if (tol.key === taint.key && (tol.value ?? '') === (taint.value ?? '')) {
            return true;
        }
    }
    return false;
}
/** nodeSelector (all pairs) and required node affinity (terms ORed, requirements within a term ANDed). */
function matchesNodeSelector(pod, node) {
    for (const [k, v] of Object.entries(pod.nodeSelector))
        if (node.labels[k] !== v)
            return false;
    if (pod.requiredTerms.length === 0)
        return true;
    return pod.requiredTerms.some((term) => termMatches(term, node));
}
function termMatches(term, node) {
    const expressions = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    // kube-scheduler: an empty term matches no node (the harness would let it match every node; the API
    // server's validation makes such a term rare, and we side with the real scheduler).
    if (expressions.length === 0 && fields.length === 0)
        return false;
    return (expressions.every((e) => requirementMatches(e, node.labels[e.key])) &&
        // metadata.name is the only field node affinity supports.
        fields.every((e) => e.key !== 'metadata.name' || requirementMatches(e, node.name)));
}
function requirementMatches(e, value) {
    const values = e.values ?? [];
    switch (e.operator) {
        case 'In':
            return value !== undefined && values.includes(value);
        case 'NotIn':
            return value === undefined || !values.includes(value);
        case 'Exists':
            return value !== undefined;
        case 'DoesNotExist':
            return value === undefined;
        case 'Gt':
            return compareInts(value, values[0]) > 0;
        case 'Lt':
            return compareInts(value, values[0]) < 0;
        default:
            return false;
    }
}
/** Gt/Lt as Kubernetes reads them: both sides base-10 integers (strconv.ParseInt); anything else never matches. */
function compareInts(label, bound) {
    if (label === undefined || bound === undefined || !/^[+-]?\d+$/.test(label) || !/^[+-]?\d+$/.test(bound))
        return Number.NaN;
    const a = BigInt(label);
    const b = BigInt(bound);
    return a > b ? 1 : a < b ? -1 : 0;
}

;// CONCATENATED MODULE: ./src/placement/scheduler.ts

/** What binding one pod charges a node: its requests plus one `pods` slot. */
function podCost(pod) {
    const cost = {};
    for (const [k, v] of Object.entries(pod.requests))
        if (k !== 'pods')
            cost[k] = v;
    cost.pods = 1;
    return cost;
}
/** `localeCompare` without arguments, without its per-call cost (the same default-locale collation). */
const byName = new Intl.Collator().compare;
const candidatesCache = new WeakMap();
function candidatesFor(pod, nodes) {
    const cached = candidatesCache.get(pod);
    if (cached && cached.nodes === nodes && cached.length === nodes.length)
        return cached;
    const fit = [];
    const refused = new Map();
    for (const node of nodes) {
        const failure = nonResourceFailure(pod, node);
        if (failure)
            refused.set(failure, (refused.get(failure) ?? 0) + 1);
        else
            fit.push(node);
    }
    // In name order: the first of equal scores is then the one kube-scheduler's tie-break (and the
    // harness's) picks, without comparing names per pod.
    fit.sort((a, b) => byName(a.name, b.name));
    const c = { nodes, length: nodes.length, fit, refused };
    candidatesCache.set(pod, c);
    return c;
}
function scheduleOne(pod, nodes) {
    const cost = podCost(pod);
    const wanted = Object.entries(cost).filter(([, v]) => v !== 0);
    const { fit, refused } = candidatesFor(pod, nodes);
    let reasons;
    let best;
    for (const node of fit) {
        let ok = true;
        for (const [resource, want] of wanted) {
            if (!exceeds((node.requested[resource] ?? 0) + want, node.allocatable[resource] ?? 0))
                continue;
            ok = false;
            reasons ??= new Map();
            const r = resource === 'pods' ? 'Too many pods' : `Insufficient ${resource}`;
            reasons.set(r, (reasons.get(r) ?? 0) + 1);
        }
        if (!ok)
            continue;
        const score = leastAllocatedScore(node, cost);
        if (!best || score > best.score)
            best = { node, score };
    }
    if (best)
        return { node: best.node };
    const all = new Map(refused);
    for (const [r, n] of reasons ?? [])
        all.set(r, (all.get(r) ?? 0) + n);
    return { message: schedulerMessage(nodes.length, all), reasons: all };
}
function resourceFailures(cost, node) {
    const out = [];
    for (const [resource, want] of Object.entries(cost)) {
        if (want === 0)
            continue;
        if (exceeds((node.requested[resource] ?? 0) + want, node.allocatable[resource] ?? 0)) {
            out.push(resource === 'pods' ? 'Too many pods' : `Insufficient ${resource}`);
        }
    }
    return out;
}
/** "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) didn't match …." — counts first, sorted as text, like kube-scheduler. */
function schedulerMessage(nodeCount, reasons) {
    if (nodeCount === 0)
        return 'no nodes available to schedule pods';
    const parts = [...reasons].map(([r, c]) => `${c} ${r}`).sort();
    return `0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
}
function bind(node, cost, sign = 1) {
    for (const [k, v] of Object.entries(cost)) {
        const next = (node.requested[k] ?? 0) + sign * v;
        node.requested[k] = sign < 0 ? Math.max(0, next) : next;
    }
}
/**
 * Places a run of identical pods (one shape) the way repeated `scheduleOne` calls would, in
 * O(nodes + pods·log nodes) instead of O(pods·nodes): between two pods of the run only the node that
 * took the last one changes, so every other node keeps its score in a heap. Binds what it places.
 * Valid only while nothing else binds to these nodes (fit.ts places a shape's pods back to back).
 */
class ShapePlacer {
    heap = [];
    cost;
    wanted;
    constructor(pod, nodes) {
        this.cost = podCost(pod);
        this.wanted = Object.entries(this.cost).filter(([, v]) => v !== 0);
        for (const [rank, node] of candidatesFor(pod, nodes).fit.entries())
            this.offer(node, rank);
    }
    /** The node the next pod goes to (bound), or undefined when none has room: ask scheduleOne why. */
    place() {
        const top = this.pop();
        if (!top)
            return undefined;
        bind(top.node, this.cost);
        this.offer(top.node, top.rank);
        return top.node;
    }
    offer(node, rank) {
        for (const [resource, want] of this.wanted)
            if (exceeds((node.requested[resource] ?? 0) + want, node.allocatable[resource] ?? 0))
                return;
        this.heap.push({ node, score: leastAllocatedScore(node, this.cost), rank });
        let i = this.heap.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!this.before(i, parent))
                break;
            this.swap(i, parent);
            i = parent;
        }
    }
    pop() {
        const top = this.heap[0];
        const last = this.heap.pop();
        if (!top || !last || this.heap.length === 0)
            return top;
        this.heap[0] = last;
        let i = 0;
        for (;;) {
            const l = 2 * i + 1;
            const r = l + 1;
            let m = i;
            if (l < this.heap.length && this.before(l, m))
                m = l;
            if (r < this.heap.length && this.before(r, m))
                m = r;
            if (m === i)
                break;
            this.swap(i, m);
            i = m;
        }
        return top;
    }
    /** Higher score first; equal scores in name order (the scheduler's tie-break). */
    before(a, b) {
        const x = this.heap[a];
        const y = this.heap[b];
        return x.score > y.score || (x.score === y.score && x.rank < y.rank);
    }
    swap(a, b) {
        [this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
    }
}
/** allocatable − requested, never below zero (an overcommitted node offers nothing, not a debt). */
function freeOf(node, resource) {
    return Math.max(0, (node.allocatable[resource] ?? 0) - (node.requested[resource] ?? 0));
}
/**
 * Σ over cpu and memory of the fraction left free after the pod. Computed on milli-units, as the
 * harness does, so that equal scores stay exactly equal (0.1 + 0.2 would not) and the name decides.
 */
function leastAllocatedScore(node, cost) {
    let score = 0;
    for (const r of ['cpu', 'memory']) {
        const cap = milli(node.allocatable[r] ?? 0);
        if (cap > 0)
            score += (cap - milli(node.requested[r] ?? 0) - milli(cost[r] ?? 0)) / cap;
    }
    return score;
}
function milli(n) {
    return Math.round(n * 1000);
}
/** a > b, forgiving float noise from summing fractional cores (0.1 + 0.2 > 0.3 in binary). */
function exceeds(a, b) {
    return a > b + Math.max(1e-9, 1e-12 * Math.abs(b));
}

;// CONCATENATED MODULE: ./src/placement/format.ts
const BINARY = [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
];
/** `resource` may carry a quota prefix (`requests.memory`, `limits.cpu`): the unit follows the base name. */
function formatAmount(resource, n) {
    if (n < 0)
        return `-${formatAmount(resource, -n)}`;
    const base = baseResource(resource);
    if (base === 'cpu') {
        const milli = Math.round(n * 1000);
        if (milli > 0 && milli < 1000)
            return `${milli}m`;
        return trim(milli / 1000, 3);
    }
    if (isByteResource(base)) {
        for (const [suffix, factor] of BINARY)
            if (n >= factor)
                return `${trim(n / factor, 2)}${suffix}`;
        return trim(n, 0);
    }
    return trim(n, 3);
}
/** "8 cpu", "32Gi memory", "1 nvidia.com/gpu", "2 pod slots". */
function formatResourceAmount(resource, n) {
    if (resource === 'pods')
        return `${formatAmount(resource, n)} pod slot${n === 1 ? '' : 's'}`;
    return `${formatAmount(resource, n)} ${resource}`;
}
/** "8 cpu, 32Gi memory, 1 nvidia.com/gpu" in a stable order (cpu, memory, the rest, pods last). */
function formatFigures(f, keys = Object.keys(f)) {
    return sortResources(keys)
        .map((k) => formatResourceAmount(k, f[k] ?? 0))
        .join(', ');
}
function sortResources(keys) {
    const rank = (k) => (k === 'cpu' ? 0 : k === 'memory' ? 1 : k === 'pods' ? 3 : 2);
    return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
/** "a", "a and b", "a, b and c". */
function joinWords(words) {
    if (words.length <= 1)
        return words.join('');
    return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
/** `requests.memory` → `memory`; `count/pods` → `pods`. */
function baseResource(resource) {
    if (resource === 'count/pods')
        return 'pods';
    return resource.replace(/^(requests|limits)\./, '');
}
function isByteResource(r) {
    return r === 'memory' || r === 'ephemeral-storage' || r === 'storage' || r.startsWith('hugepages-');
}
function trim(n, decimals) {
    const f = 10 ** decimals;
    return String(Math.round(n * f) / f);
}

;// CONCATENATED MODULE: ./src/placement/quota.ts
/**
 * ResourceQuota admission of the new cluster's pods. A pod that would push any applicable quota past
 * `hard` on a resource it consumes is rejected at creation (KubeRay keeps retrying, the pod never
 * exists), so it takes no node room either. Quotas that count pending pods count ours from creation,
 * whether or not they get a node.
 */


/**
 * What one pod adds to a quota resource, or undefined for resources a pod does not count against
 * (services, configmaps, storage claims…). Bare `cpu`/`memory`/`ephemeral-storage`/`hugepages-*` mean
 * requests; extended resources can only be limited as `requests.<name>`.
 */
function quotaAmount(resource, pod) {
    if (resource === 'pods' || resource === 'count/pods')
        return 1;
    if (resource === 'cpu' || resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) {
        return pod.requests[resource] ?? 0;
    }
    if (resource.startsWith('requests.'))
        return pod.requests[resource.slice('requests.'.length)] ?? 0;
    if (resource.startsWith('limits.'))
        return pod.limits[resource.slice('limits.'.length)] ?? 0;
    return undefined;
}
/** Whether the quota counts this pod: every scope and every scopeSelector requirement must hold. */
function quotaApplies(quota, pod) {
    if (!quota.scopes.every((s) => scopeHolds(s, 'Exists', [], pod)))
        return false;
    return (quota.scopeSelector?.matchExpressions ?? []).every((e) => scopeHolds(e.scopeName, e.operator, e.values ?? [], pod));
}
function scopeHolds(scope, operator, values, pod) {
    if (scope === 'PriorityClass') {
        const pc = pod.priorityClassName ?? '';
        switch (operator) {
            case 'In':
                return values.includes(pc);
            case 'NotIn':
                return !values.includes(pc);
            case 'Exists':
                return pc !== '';
            case 'DoesNotExist':
                return pc === '';
            default:
                return false;
        }
    }
    const holds = scopeOfPod(scope, pod);
    return operator === 'DoesNotExist' ? !holds : holds;
}
function scopeOfPod(scope, pod) {
    switch (scope) {
        // Ray pods are long-running: no activeDeadlineSeconds, so never "Terminating".
        case 'Terminating':
            return false;
        case 'NotTerminating':
            return true;
        case 'BestEffort':
            return isBestEffort(pod);
        case 'NotBestEffort':
            return !isBestEffort(pod);
        // Only pods with cross-namespace affinity terms; RayCluster pods have none we model.
        case 'CrossNamespacePodAffinity':
            return false;
        default:
            return false;
    }
}
/** QoS BestEffort: no cpu or memory request or limit anywhere in the pod. */
function isBestEffort(pod) {
    return ['cpu', 'memory'].every((r) => !(pod.requests[r] ?? 0) && !(pod.limits[r] ?? 0));
}
/** Rejected pods' needs, per quota and resource, to be turned into shortfalls at the end of a demand. */
class QuotaLedger {
    need = new Map();
    /** Charges the pod to every applicable quota, or rejects it (charging nothing) when one would overflow. */
    admit(pod, quotas) {
        const applicable = quotas.filter((q) => quotaApplies(q, pod));
        const charges = [];
        let rejected = false;
        for (const quota of applicable) {
            for (const [resource, hard] of Object.entries(quota.hard)) {
                const amount = quotaAmount(resource, pod);
                if (amount === undefined || amount <= 0)
                    continue;
                charges.push({ quota, resource, amount });
                if (exceeds((quota.used[resource] ?? 0) + amount, hard))
                    rejected = true;
            }
        }
        for (const { quota, resource, amount } of charges) {
            if (!rejected) {
                quota.used[resource] = (quota.used[resource] ?? 0) + amount;
                continue;
            }
            const byResource = this.need.get(quota) ?? new Map();
            byResource.set(resource, (byResource.get(resource) ?? 0) + amount);
            this.need.set(quota, byResource);
        }
        return !rejected;
    }
    /** Per (quota, resource) the rejected pods overflow: their total need against what admitted pods left. */
    shortfalls() {
        const out = [];
        for (const [quota, byResource] of this.need) {
            for (const [resource, need] of byResource) {
                const hard = quota.hard[resource] ?? 0;
                const used = quota.used[resource] ?? 0;
                if (!exceeds(used + need, hard))
                    continue;
                const f = (n) => formatAmount(baseResource(resource), n);
                out.push({
                    quota: quota.name,
                    resource,
                    hard,
                    used,
                    need,
                    message: `ResourceQuota ${quota.name} (${quota.namespace}): ${resource} would reach ${f(used + need)} of ${f(hard)} — needs ${f(used + need - hard)} more`,
                });
            }
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/placement/scale-up.ts
/**
 * The cluster autoscaler, simplified: when a pod fits nowhere, a node group below its max size whose
 * template (an existing node of the group) would take the pod gets one more node, and the pod is
 * scheduled again. Groups are tried in the order the autoscaler status lists them (the real expander
 * may choose differently among several that fit; whether *some* group fits is what we answer).
 */


function groupSims(groups, nodes) {
    const byName = new Map(nodes.map((n) => [n.name, n]));
    return groups.map((group) => {
        const name = group.nodeNames.find((n) => byName.has(n));
        const template = name === undefined ? undefined : byName.get(name);
        return { group, ...(template ? { template } : {}), size: group.currentSize, added: 0 };
    });
}
/**
 * Taints a fresh node of the group would not carry: node-condition taints (not-ready, unreachable,
 * pressure, unschedulable…), the autoscaler's own scale-down marks and the cloud provider's startup taint.
 */
function isTransientTaint(t) {
    return (t.key.startsWith('node.kubernetes.io/') ||
        t.key === 'ToBeDeletedByClusterAutoscaler' ||
        t.key === 'DeletionCandidateOfClusterAutoscaler' ||
        t.key === 'node.cloudprovider.kubernetes.io/uninitialized');
}
/** What the group's next node would look like: the template's labels, lasting taints and allocatable, plus its DaemonSet pods. */
function freshNode(g, demand, index = g.added + 1) {
    const t = g.template;
    if (!t)
        return undefined;
    const name = `${g.group.name}-new-${index}`;
    const labels = { ...t.labels };
    // A hostname affinity must not match the copy as if it were the template.
    if ('kubernetes.io/hostname' in labels)
        labels['kubernetes.io/hostname'] = name;
    return {
        name,
        labels,
        taints: t.taints.filter((x) => !isTransientTaint(x)).map((x) => ({ ...x })),
        unschedulable: false,
        allocatable: { ...t.allocatable },
        requested: { ...(t.daemonSetRequested ?? {}) },
        ...(t.daemonSetRequested ? { daemonSetRequested: { ...t.daemonSetRequested } } : {}),
        virtual: { group: g.group.name, demand },
    };
}
/** How a fresh node of the group relates to the pod: it takes one, it matches but is too small, or it does not match. */
function groupFitFor(g, pod) {
    const probe = freshNode(g, '');
    if (!probe)
        return 'unknown';
    if (nonResourceFailure(pod, probe))
        return 'no-match';
    return resourceFailures(podCost(pod), probe).length === 0 ? 'hosts' : 'too-small';
}
/** Adds one node to the first group that can still grow and would take the pod; returns it, or undefined. */
function addNodeFor(pod, groups, nodes, demand) {
    for (const g of groups) {
        if (g.size >= g.group.maxSize || groupFitFor(g, pod) !== 'hosts')
            continue;
        const node = freshNode(g, demand);
        if (!node)
            continue;
        g.added += 1;
        g.size += 1;
        nodes.push(node);
        return node;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/placement/describe.ts
/** Pod constraints in words, and why no node passes them: the parts of messages people act on. */


/** "nodes matching accelerator=a100 and tolerating nvidia.com/gpu=present:NoSchedule", or "any schedulable node". */
function constraintOf(pod) {
    const clauses = [];
    const selector = describeSelector(pod.nodeSelector);
    if (selector)
        clauses.push(`matching ${selector}`);
    if (pod.requiredTerms.length > 0)
        clauses.push(`with ${describeTerms(pod.requiredTerms)}`);
    const tolerations = pod.tolerations.filter(isTelling).map(describeToleration);
    if (clauses.length === 0) {
        return tolerations.length > 0 ? `any schedulable node (tolerating ${joinWords(tolerations)})` : 'any schedulable node';
    }
    if (tolerations.length > 0)
        clauses.push(`tolerating ${joinWords(tolerations)}`);
    return `nodes ${clauses.join(' and ')}`;
}
/** Tolerations of the well-known node-condition taints are defaults, not intent: left out of messages. */
function isTelling(t) {
    return !(t.key ?? '').startsWith('node.kubernetes.io/');
}
function describeSelector(selector) {
    return Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
}
function describeTerms(terms) {
    const each = terms.map((t) => {
        const parts = [...(t.matchExpressions ?? []).map((e) => describeRequirement(e)), ...(t.matchFields ?? []).map((e) => describeRequirement(e))];
        return parts.length === 0 ? '(nothing)' : parts.join(' and ');
    });
    return `node affinity ${each.length === 1 ? each[0] : each.map((e) => `(${e})`).join(' or ')}`;
}
function describeRequirement(e) {
    const values = e.values ?? [];
    switch (e.operator) {
        case 'In':
            return values.length === 1 ? `${e.key}=${values[0]}` : `${e.key} in (${values.join(', ')})`;
        case 'NotIn':
            return values.length === 1 ? `${e.key}!=${values[0]}` : `${e.key} not in (${values.join(', ')})`;
        case 'Exists':
            return `${e.key} set`;
        case 'DoesNotExist':
            return `${e.key} unset`;
        case 'Gt':
            return `${e.key} > ${values[0] ?? ''}`;
        case 'Lt':
            return `${e.key} < ${values[0] ?? ''}`;
        default:
            return `${e.key} ${e.operator} (${values.join(', ')})`;
    }
}
function describeToleration(t) {
    const key = t.key ? t.key : 'every taint';
    const value = (t.operator ?? 'Equal') === 'Equal' && t.key ? `=${t.value ?? ''}` : '';
    return `${key}${value}${t.effect ? `:${t.effect}` : ''}`;
}
function describeTaint(t) {
    return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}
/**
 * Why every node fails the non-resource filters, one clause per filter that turned nodes away:
 * "nodeSelector accelerator=a100 (labels seen: accelerator=t4, v100); 2 nodes have untolerated taint …".
 */
function whyNoNodeMatches(pod, nodes) {
    if (nodes.length === 0)
        return 'the cluster has no nodes';
    let cordoned = 0;
    let mismatched = 0;
    const taints = new Map();
    for (const node of nodes) {
        const failure = nonResourceFailure(pod, node);
        if (failure === REASON_UNSCHEDULABLE)
            cordoned += 1;
        else if (failure === REASON_AFFINITY)
            mismatched += 1;
        else if (failure) {
            const taint = untoleratedTaint(pod.tolerations, node.taints);
            const key = taint ? describeTaint(taint) : failure;
            taints.set(key, (taints.get(key) ?? 0) + 1);
        }
    }
    const parts = [];
    if (mismatched > 0)
        parts.push(selectorMismatch(pod, nodes));
    for (const [taint, n] of taints)
        parts.push(`${plural(n, 'node')} ${n === 1 ? 'has' : 'have'} untolerated taint ${taint}`);
    if (cordoned > 0)
        parts.push(`${plural(cordoned, 'node')} cordoned`);
    return parts.join('; ');
}
/** The selector and affinity, and the values nodes actually carry for the keys involved (what a typo looks like). */
function selectorMismatch(pod, nodes) {
    const selector = describeSelector(pod.nodeSelector);
    const affinity = pod.requiredTerms.length > 0 ? `required ${describeTerms(pod.requiredTerms)}` : '';
    const selectorOk = nodes.some((n) => matchesNodeSelector({ nodeSelector: pod.nodeSelector, requiredTerms: [] }, n));
    const affinityOk = nodes.some((n) => matchesNodeSelector({ nodeSelector: {}, requiredTerms: pod.requiredTerms }, n));
    const parts = [];
    if (!selectorOk)
        parts.push(`nodeSelector ${selector}`);
    if (!affinityOk)
        parts.push(affinity);
    // Each alone is met by some node, never both by the same one.
    if (parts.length === 0)
        parts.push(`nodeSelector ${selector} together with ${affinity}`);
    const keys = [...Object.keys(pod.nodeSelector), ...pod.requiredTerms.flatMap((t) => (t.matchExpressions ?? []).map((e) => e.key))];
    const seen = [...new Set(keys)].map((k) => labelsSeen(k, nodes));
    return seen.length > 0 ? `${parts.join(' and ')} (${seen.join('; ')})` : parts.join(' and ');
}
function labelsSeen(key, nodes) {
    const values = [...new Set(nodes.map((n) => n.labels[key]).filter((v) => v !== undefined))].sort();
    if (values.length === 0)
        return `no node has label ${key}`;
    const shown = values.slice(0, 5).join(', ') + (values.length > 5 ? `, … ${values.length - 5} more` : '');
    return `labels seen: ${key}=${shown}`;
}

;// CONCATENATED MODULE: ./src/placement/shortfall.ts
/**
 * Why pods of one role stay Pending, from the state after everything placeable was placed: which
 * nodes could take them at all, the aggregate deficit on those nodes, or, when the sum would do,
 * that no single node has room (fragmentation), and what the autoscaler could not add.
 */





function buildShortfall(pod, unplaced, scheduler, nodes, groups) {
    const constraint = constraintOf(pod);
    const matching = nodes.filter((n) => !nonResourceFailure(pod, n));
    const cost = podCost(pod);
    const wanted = sortResources(Object.keys(cost).filter((r) => (cost[r] ?? 0) > 0));
    const missing = [];
    for (const resource of wanted) {
        const free = matching.reduce((sum, n) => sum + freeOf(n, resource), 0);
        const need = (cost[resource] ?? 0) * unplaced;
        if (exceeds(need, free))
            missing.push({ resource, amount: shortfall_round(need - free) });
    }
    let reason;
    const tooBig = matching.length > 0 ? tooBigFor(cost, wanted, matching) : undefined;
    if (matching.length === 0) {
        reason = `no node matches: ${whyNoNodeMatches(pod, nodes)}`;
    }
    else if (tooBig) {
        reason = tooBig;
    }
    else if (missing.length > 0) {
        reason = `needs ${joinWords(missing.map((m) => moreOf(m.resource, m.amount)))} on ${constraint}`;
    }
    else {
        reason = fragmentation(constraint, cost, wanted, matching);
    }
    if (groups)
        reason += autoscalerTail(pod, groups);
    const message = `${podsWord(pod, unplaced)} not fit: ${reason}`;
    // `reason` (the part after "do not fit: ") is reused in the one-line summary.
    return { shortfall: { role: pod.role, unplaced, of: pod.count, constraint, matchingNodes: matching.length, missing, scheduler, message }, reason };
}
/** "3 of 4 `gpu-workers` pods do", "the head pod does". */
function podsWord(pod, unplaced) {
    if (pod.role === 'head' && pod.count === 1)
        return 'the head pod does';
    return `${unplaced} of ${pod.count} \`${pod.role}\` ${pod.count === 1 ? 'pod' : 'pods'} ${unplaced === 1 ? 'does' : 'do'}`;
}
function moreOf(resource, amount) {
    if (resource === 'pods')
        return `${formatAmount(resource, amount)} more pod slot${amount === 1 ? '' : 's'}`;
    return `${formatAmount(resource, amount)} more ${resource}`;
}
/** One pod asks more of a resource than any matching node has at all, empty: no amount of freeing helps. */
function tooBigFor(cost, wanted, matching) {
    for (const r of wanted) {
        const largest = [...matching].sort((a, b) => (b.allocatable[r] ?? 0) - (a.allocatable[r] ?? 0) || a.name.localeCompare(b.name))[0];
        const want = cost[r] ?? 0;
        if (!exceeds(want, largest.allocatable[r] ?? 0))
            continue;
        const has = largest.allocatable[r] ?? 0;
        const biggest = has > 0 ? `largest: ${largest.name} with ${formatResourceAmount(r, has)}` : `none has any ${r}`;
        return `each pod needs ${formatResourceAmount(r, want)}, more than any matching node's allocatable (${biggest})`;
    }
    return undefined;
}
/** Enough in sum, but spread so that no node has room for one whole pod. */
function fragmentation(constraint, cost, wanted, matching) {
    const shown = wanted.filter((r) => r !== 'pods');
    // The node closest to taking a pod: the best worst-case ratio of free to needed.
    const closeness = (n) => Math.min(...wanted.map((r) => freeOf(n, r) / (cost[r] ?? 1)));
    const best = [...matching].sort((a, b) => closeness(b) - closeness(a) || a.name.localeCompare(b.name))[0];
    const free = Object.fromEntries(shown.map((r) => [r, freeOf(best, r)]));
    const where = constraint === 'any schedulable node' ? 'no single node' : 'no single matching node';
    return `${where} has room for one pod (each needs ${formatFigures(cost, shown)}; most free: ${best.name} with ${formatFigures(free, shown)})`;
}
/** What the autoscaler can and cannot do about it. */
function autoscalerTail(pod, groups) {
    const fit = groups.map((g) => ({ g, how: groupFitFor(g, pod) }));
    const hosting = fit.filter((x) => x.how === 'hosts').map((x) => x.g);
    if (hosting.length > 0) {
        const names = hosting.map((g) => `${g.group.name} at its max of ${g.group.maxSize} nodes`);
        return `, even with node group ${joinWords(names)}`;
    }
    const small = fit.filter((x) => x.how === 'too-small').map((x) => x.g.group.name);
    if (small.length > 0)
        return `; a new node of group ${joinWords(small)} would be too small for one pod`;
    if (groups.length === 0)
        return '; the cluster autoscaler reports no node groups';
    return '; no cluster-autoscaler node group makes matching nodes';
}
function shortfall_round(n) {
    return Math.round(n * 1e9) / 1e9;
}

;// CONCATENATED MODULE: ./src/placement/summary.ts
/** The one sentence per RayService that heads the report. */

function summarize(s) {
    switch (s.verdict) {
        case 'nothing-to-place':
            return 'Nothing to place: the new RayCluster has no pods (suspended, or no replicas).';
        case 'fits':
            return `Fits: ${plural(s.pods, 'new pod')} on ${plural(new Set(s.placedOn).size, 'node')}${mostLoaded(s)}.`;
        case 'fits-after-scale-up':
            return fitsAfterScaleUp(s);
        case 'does-not-fit':
            return doesNotFit(s);
    }
}
function fitsAfterScaleUp(s) {
    // Nodes the autoscaler adds for an earlier RayService of the same run count too: without them this one would not fit.
    const earlier = [...new Set(s.placedOn.flatMap((n) => (n.virtual && n.virtual.demand !== s.id ? [n.virtual.demand] : [])))];
    const adds = s.scaleUp.map((u) => `${plural(u.addNodes, 'node')} to group ${u.nodeGroup} (max ${u.maxSize})`);
    if (adds.length === 0)
        return `Fits on the nodes the autoscaler adds for ${joinWords(earlier)}.`;
    return `Fits once the autoscaler adds ${joinWords(adds)}${earlier.length > 0 ? `, besides the nodes it adds for ${joinWords(earlier)}` : ''}.`;
}
function doesNotFit(s) {
    const parts = [];
    const [first, ...rest] = s.shortfalls;
    if (first) {
        const sf = first.shortfall;
        const who = sf.role === 'head' && sf.of === 1
            ? 'the head pod stays Pending'
            : `${sf.unplaced} of ${sf.of} ${sf.role === 'head' ? 'head' : 'worker'} ${sf.of === 1 ? 'pod' : 'pods'}${sf.role === 'head' ? '' : ` of group ${sf.role}`} ${sf.unplaced === 1 ? 'stays' : 'stay'} Pending`;
        parts.push(`${who} — ${first.reason}${rest.length > 0 ? ` (and ${plural(rest.length, 'more group')} short)` : ''}`);
    }
    if (s.rejected > 0) {
        const [q, ...more] = s.quota;
        const why = q ? ` (${q.message}${more.length > 0 ? `; and ${plural(more.length, 'more quota limit')}` : ''})` : '';
        parts.push(`${s.rejected} of ${plural(s.pods, 'pod')} would be rejected at creation${why}`);
    }
    return `Does not fit: ${parts.join('; ')}.`;
}
/** " (most loaded after: node-1 at 94% cpu)": the fullest resource on any node we placed onto. */
function mostLoaded(s) {
    const resources = new Set(['cpu', 'memory']);
    for (const shape of s.shapes)
        for (const [r, v] of Object.entries(shape.requests))
            if (v > 0 && r !== 'pods')
                resources.add(r);
    let best;
    for (const node of [...new Set(s.placedOn)].sort((a, b) => a.name.localeCompare(b.name))) {
        for (const r of resources) {
            const cap = node.allocatable[r] ?? 0;
            if (cap <= 0)
                continue;
            const ratio = (node.requested[r] ?? 0) / cap;
            if (!best || ratio > best.ratio)
                best = { node: node.name, resource: r, ratio };
        }
    }
    return best ? ` (most loaded after: ${best.node} at ${Math.round(best.ratio * 100)}% ${best.resource})` : '';
}

;// CONCATENATED MODULE: ./src/placement/fit.ts
/**
 * "Will it fit?": the pods of each RayService's new RayCluster, in the order KubeRay creates them
 * (head first, then the worker groups in order), admitted by the namespace's ResourceQuotas and
 * placed one at a time as kube-scheduler would place them, each consuming the room it takes. Several
 * RayServices of one change are placed in order, cumulatively; where pods stay Pending and the
 * cluster autoscaler is visible, its node groups grow as far as that helps. Pure: no cluster access.
 */





function checkFit(input) {
    // Working copies: the input stays untouched, the copies carry room used from one demand to the next.
    const nodes = input.nodes.map(copyNode);
    const quotas = input.quotas.map(copyQuota);
    const groups = input.nodeGroups ? groupSims(input.nodeGroups, input.nodes) : undefined;
    return input.demands.map((demand) => placeDemand(demand, nodes, quotas, groups));
}
function placeDemand(demand, nodes, quotas, groups) {
    applyFrees(demand, nodes);
    const shapes = demand.pods.filter((p) => p.count > 0);
    const total = shapes.reduce((n, p) => n + p.count, 0);
    if (total === 0)
        return nothingToPlace(demand.id, groups !== undefined);
    const ledger = new QuotaLedger();
    const slots = placeInCreationOrder(shapes, nodes, ledger, quotas.filter((q) => q.namespace === demand.namespace));
    const sizeBefore = new Map(groups?.map((g) => [g, g.size]));
    const finalMessage = retryPending(slots, nodes, groups, demand.id);
    return verdictOf({ demand, total, shapes, slots, ledger, nodes, groups, sizeBefore, finalMessage });
}
function nothingToPlace(id, autoscalerVisible) {
    const verdict = 'nothing-to-place';
    return { id, verdict, pods: 0, placed: [], shortfalls: [], quota: [], scaleUp: [], autoscalerVisible, summary: summarize({ ...emptySummary(id), verdict }) };
}
/** Each pod is admitted by the namespace's quotas (or rejected), then placed on the best node there is. */
function placeInCreationOrder(shapes, nodes, ledger, quotas) {
    const slots = [];
    for (const shape of shapes) {
        const placer = new ShapePlacer(shape, nodes);
        for (let i = 0; i < shape.count; i++) {
            if (!ledger.admit(shape, quotas)) {
                slots.push({ shape, rejected: true });
                continue;
            }
            const node = placer.place();
            slots.push({ shape, ...(node ? { node } : {}) });
        }
    }
    return slots;
}
/**
 * Pending pods are retried, as the scheduler does; with the autoscaler in view, a node group grows
 * one node at a time for as long as that gives a pending pod a place. Returns, per shape, what
 * kube-scheduler would say of the pods that still have no place.
 */
function retryPending(slots, nodes, groups, id) {
    const finalMessage = new Map();
    for (const slot of slots) {
        if (slot.node || slot.rejected)
            continue;
        let attempt = scheduleOne(slot.shape, nodes);
        if (!attempt.node && groups && addNodeFor(slot.shape, groups, nodes, id))
            attempt = scheduleOne(slot.shape, nodes);
        if (attempt.node) {
            bind(attempt.node, podCost(slot.shape));
            slot.node = attempt.node;
        }
        else if (!finalMessage.has(slot.shape)) {
            finalMessage.set(slot.shape, attempt.message);
        }
    }
    return finalMessage;
}
function verdictOf({ demand, total, shapes, slots, ledger, nodes, groups, sizeBefore, finalMessage }) {
    const scaleUp = (groups ?? []).flatMap((g) => {
        const before = sizeBefore.get(g) ?? g.size;
        return g.size > before ? [{ nodeGroup: g.group.name, addNodes: g.size - before, maxSize: g.group.maxSize, currentSize: before }] : [];
    });
    const shortfalls = shapes.flatMap((shape) => {
        const unplaced = slots.filter((s) => s.shape === shape && !s.node && !s.rejected).length;
        return unplaced > 0 ? [buildShortfall(shape, unplaced, finalMessage.get(shape) ?? '', nodes, groups)] : [];
    });
    const quota = ledger.shortfalls();
    const rejected = slots.filter((s) => s.rejected).length;
    const placedSlots = slots.filter((s) => s.node !== undefined);
    const verdict = shortfalls.length > 0 || rejected > 0 ? 'does-not-fit' : placedSlots.some((s) => s.node.virtual) ? 'fits-after-scale-up' : 'fits';
    const placedOn = placedSlots.map((s) => s.node);
    return {
        id: demand.id,
        verdict,
        pods: total,
        placed: placedSlots.map((s) => ({ role: s.shape.role, node: s.node.name })),
        shortfalls: shortfalls.map((s) => s.shortfall),
        quota,
        scaleUp,
        autoscalerVisible: groups !== undefined,
        summary: summarize({ id: demand.id, verdict, pods: total, shapes, placedOn, shortfalls, quota, rejected, scaleUp }),
    };
}
/** Pods that go away first (a pending cluster the new one replaces) hand their room back. */
function applyFrees(demand, nodes) {
    for (const free of demand.frees ?? []) {
        const node = nodes.find((n) => n.name === free.node);
        if (!node)
            continue;
        bind(node, { ...free.requests, pods: free.requests.pods ?? 1 }, -1);
    }
}
function emptySummary(id) {
    return { id, pods: 0, shapes: [], placedOn: [], shortfalls: [], quota: [], rejected: 0, scaleUp: [] };
}
function copyNode(n) {
    return {
        ...n,
        labels: { ...n.labels },
        taints: n.taints.map((t) => ({ ...t })),
        allocatable: { ...n.allocatable },
        requested: { ...n.requested },
        ...(n.daemonSetRequested ? { daemonSetRequested: { ...n.daemonSetRequested } } : {}),
    };
}
function copyQuota(q) {
    return { ...q, hard: { ...q.hard }, used: { ...q.used }, scopes: [...q.scopes] };
}

;// CONCATENATED MODULE: ./src/placement/autoscaler-status.ts
/**
 * Node groups from the cluster-autoscaler's status ConfigMap (kube-system/cluster-autoscaler-status,
 * key `status`). Two formats exist:
 *   - recent releases write YAML: `nodeGroups: [{name, health: {cloudProviderTarget, minSize, maxSize,
 *     nodeCounts: {registered: {total}}}}]`;
 *   - older ones write text: after `NodeGroups:`, per group `Name: <group>` then
 *     `Health: Healthy (ready=3 … registered=3 … cloudProviderTarget=3 (minSize=1, maxSize=10))`.
 * The status does not say which nodes belong to which group, so nodes are matched by their
 * node-pool label (see groupOfNode).
 */



/** Node labels that name a node's pool, most specific first: EKS, GKE, AKS (two spellings), Karpenter, kOps. */
const NODE_POOL_LABELS = [
    'eks.amazonaws.com/nodegroup',
    'cloud.google.com/gke-nodepool',
    'kubernetes.azure.com/agentpool',
    'agentpool',
    'karpenter.sh/nodepool',
    'kops.k8s.io/instancegroup',
];
const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
/** Undefined when the ConfigMap is absent or its status cannot be read in either format. */
function nodeGroupsFrom(configMap, nodes) {
    const status = configMap?.data?.status;
    if (typeof status !== 'string')
        return undefined;
    const groups = parseAutoscalerStatus(status);
    if (!groups)
        return undefined;
    const names = groups.map((g) => g.name);
    const members = new Map(names.map((n) => [n, []]));
    for (const node of nodes) {
        const meta = kube_object_metadataOf(node);
        const group = groupOfNode(stringMap(meta.labels), names);
        if (group !== undefined && typeof meta.name === 'string')
            members.get(group).push(meta.name);
    }
    return groups.map((g) => ({ ...g, nodeNames: members.get(g.name) ?? [] }));
}
function parseAutoscalerStatus(text) {
    if (/^\s*(Cluster-wide|NodeGroups):\s*$/m.test(text))
        return parseText(text);
    return parseYaml(text);
}
function parseYaml(text) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch {
        return undefined;
    }
    if (!isPlainObject(doc))
        return undefined;
    // A status without groups (nothing autoscaled) still says the autoscaler is there.
    if (!('nodeGroups' in doc) && !('autoscalerStatus' in doc) && !('clusterWide' in doc))
        return undefined;
    const out = [];
    for (const g of Array.isArray(doc.nodeGroups) ? doc.nodeGroups : []) {
        if (!isPlainObject(g) || typeof g.name !== 'string')
            continue;
        const health = isPlainObject(g.health) ? g.health : {};
        const registered = asMap(asMap(health.nodeCounts).registered);
        // cloudProviderTarget, minSize and maxSize are always written; zero counts may be left out.
        const maxSize = num(health.maxSize);
        if (maxSize === undefined)
            continue;
        const currentSize = num(health.cloudProviderTarget) ?? num(registered.total) ?? num(registered.ready) ?? 0;
        out.push({ name: g.name, minSize: num(health.minSize) ?? 0, maxSize, currentSize });
    }
    return out;
}
function parseText(text) {
    const out = [];
    const section = text.split(/^\s*NodeGroups:\s*$/m)[1];
    if (section === undefined)
        return out;
    let name;
    for (const line of section.split('\n')) {
        const nameMatch = /^\s*Name:\s+(\S.*?)\s*$/.exec(line);
        if (nameMatch) {
            name = nameMatch[1];
            continue;
        }
        const health = /^\s*Health:\s+\S+\s+\((.*)\)\s*$/.exec(line);
        if (!health || name === undefined)
            continue;
        const field = (key) => num(new RegExp(`\\b${key}=(\\d+)`).exec(health[1])?.[1]);
        const minSize = field('minSize');
        const maxSize = field('maxSize');
        if (minSize !== undefined && maxSize !== undefined) {
            out.push({ name, minSize, maxSize, currentSize: field('cloudProviderTarget') ?? field('registered') ?? 0 });
        }
        name = undefined;
    }
    return out;
}
/**
 * Which group a node belongs to, from its node-pool label (a heuristic: the status names groups by
 * the cloud provider's id, e.g. the AWS ASG `eks-gpu-2c1f9d3b-…`, the GCE MIG URL
 * `…/instanceGroups/gke-prod-gpu-pool-8a2b3c4d-grp`, the Azure VMSS `aks-gpu-12345678-vmss`):
 *   1. a group whose name equals the label value;
 *   2. else the groups whose name contains the value as a whole run of segments, segments being
 *      separated by `-`, `/`, `.` or `_` (so `gpu` matches `eks-gpu-2c1f…` but not `eks-gpus-…`);
 *   3. several candidates: those that also contain the node's zone as a segment run (GKE makes one MIG
 *      per zone of a regional pool), then the one with fewest segments (`gpu` prefers `eks-gpu-<id>`
 *      over `eks-gpu-large-<id>`); still a tie → unknown, rather than guess.
 */
function groupOfNode(labels, groupNames) {
    for (const key of NODE_POOL_LABELS) {
        const value = labels[key];
        if (!value)
            continue;
        if (groupNames.includes(value))
            return value;
        let candidates = groupNames.filter((g) => containsRun(g, value));
        if (candidates.length > 1) {
            const zone = ZONE_LABELS.map((k) => labels[k]).find((z) => z);
            const inZone = zone ? candidates.filter((g) => containsRun(g, zone)) : [];
            if (inZone.length > 0)
                candidates = inZone;
        }
        if (candidates.length > 1) {
            const fewest = Math.min(...candidates.map((g) => segments(g).length));
            candidates = candidates.filter((g) => segments(g).length === fewest);
        }
        if (candidates.length === 1)
            return candidates[0];
    }
    return undefined;
}
function segments(s) {
    return s.split(/[-/._]+/).filter((x) => x !== '');
}
function containsRun(haystack, needle) {
    const h = segments(haystack);
    const n = segments(needle);
    if (n.length === 0)
        return false;
    for (let i = 0; i + n.length <= h.length; i++)
        if (n.every((x, j) => h[i + j] === x))
            return true;
    return false;
}
function num(v) {
    if (typeof v === 'number' && Number.isFinite(v))
        return v;
    if (typeof v === 'string' && /^\d+$/.test(v))
        return Number(v);
    return undefined;
}

;// CONCATENATED MODULE: ./src/placement/from-objects.ts
/**
 * From API objects (plain JSON as the API server returns them) to the figures the simulation reads.
 * Pure: the caller lists nodes, pods, quotas and the autoscaler status; nothing here talks to a cluster.
 */





/**
 * Each node's allocatable and what the pods bound to it already request. Pods that have finished
 * (Succeeded/Failed) free their room; terminating ones (deletionTimestamp set) still hold it until
 * they are gone, as the scheduler counts them.
 */
function nodeStatesFrom(nodes, pods) {
    const requested = new Map();
    const daemonSet = new Map();
    for (const pod of pods) {
        const nodeName = pod?.spec?.nodeName;
        if (typeof nodeName !== 'string' || nodeName === '')
            continue;
        const phase = pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed')
            continue;
        const cost = { ...safeFigures(() => podResources(asMap(pod.spec))), pods: 1 };
        addInto(entry(requested, nodeName), cost);
        const owners = Array.isArray(pod.metadata?.ownerReferences) ? pod.metadata.ownerReferences : [];
        if (owners.some((o) => asMap(o).kind === 'DaemonSet'))
            addInto(entry(daemonSet, nodeName), cost);
    }
    return nodes.map((node) => {
        const name = String(node?.metadata?.name ?? '');
        const ds = daemonSet.get(name);
        return {
            name,
            labels: stringMap(node?.metadata?.labels),
            taints: asList(node?.spec?.taints).map(taintOf),
            unschedulable: node?.spec?.unschedulable === true,
            allocatable: lenientFigures(asMap(node?.status?.allocatable ?? node?.status?.capacity)),
            requested: { ...(requested.get(name) ?? {}) },
            ...(ds ? { daemonSetRequested: ds } : {}),
        };
    });
}
/**
 * The pods a RayCluster spec makes, head first, as capacity.ts counts them (clusterSize): the head
 * with the autoscaler sidecar when in-tree autoscaling is on, then per worker group
 * clamp(replicas, min, max) × numOfHosts pods; nothing for suspended clusters or groups. Shapes with
 * no pods are left out.
 */
function podShapesOf(rayClusterConfig, opts = {}) {
    const suspended = rayClusterConfig.suspend === true;
    const out = [];
    const withHead = opts.withHead ?? opts.onlyGroups === undefined;
    if (withHead && !suspended) {
        const headSpec = asMap(asMap(asMap(rayClusterConfig.headGroupSpec).template).spec);
        const head = podShapeOf(headSpec, 'head', 1);
        if (rayClusterConfig.enableInTreeAutoscaling === true) {
            const options = asMap(rayClusterConfig.autoscalerOptions);
            addInto(head.requests, autoscalerResources(options));
            addInto(head.limits, autoscalerLimits(options));
        }
        out.push(head);
    }
    const groups = Array.isArray(rayClusterConfig.workerGroupSpecs) ? rayClusterConfig.workerGroupSpecs : [];
    for (const g of groups) {
        const group = asMap(g);
        const name = String(group.groupName ?? '');
        if (opts.onlyGroups && !opts.onlyGroups.includes(name))
            continue;
        const count = suspended || group.suspend === true ? 0 : workerPods(group, opts.atMinReplicas === true);
        if (count > 0)
            out.push(podShapeOf(asMap(asMap(group.template).spec), name, count));
    }
    return out;
}
/** `count` pods of one pod spec: its scheduling cost, quota limits and placement constraints. */
function podShapeOf(podSpec, role, count) {
    const affinity = asMap(asMap(podSpec.affinity).nodeAffinity);
    const terms = asList(asMap(affinity.requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms);
    const requests = podResources(podSpec);
    delete requests.pods;
    return {
        role,
        count,
        requests,
        limits: podLimits(podSpec),
        nodeSelector: stringMap(podSpec.nodeSelector),
        tolerations: asList(podSpec.tolerations).map(tolerationOf),
        requiredTerms: terms.map(termOf),
        ...(typeof podSpec.priorityClassName === 'string' && podSpec.priorityClassName !== '' ? { priorityClassName: podSpec.priorityClassName } : {}),
    };
}
/**
 * Limits for quota `limits.*`: Σ containers (and native sidecars), at least any single init
 * container, plus the overhead on resources that have a limit, as the quota evaluator counts them.
 */
function podLimits(podSpec) {
    const sum = {};
    const limitsOf = (c) => quantities(asMap(asMap(asMap(c).resources).limits));
    for (const c of asList(podSpec.containers))
        addInto(sum, limitsOf(c));
    for (const c of asList(podSpec.initContainers))
        if (asMap(c).restartPolicy === 'Always')
            addInto(sum, limitsOf(c));
    for (const c of asList(podSpec.initContainers)) {
        if (asMap(c).restartPolicy === 'Always')
            continue;
        for (const [k, v] of Object.entries(limitsOf(c)))
            sum[k] = Math.max(sum[k] ?? 0, v);
    }
    const overhead = quantities(asMap(podSpec.overhead));
    for (const k of Object.keys(sum))
        sum[k] += overhead[k] ?? 0;
    return sum;
}
/** The autoscaler sidecar's limits: KubeRay's default sets requests = limits. */
function autoscalerLimits(options) {
    if (!isPlainObject(options.resources))
        return { ...DEFAULT_AUTOSCALER_RESOURCES };
    return quantities(asMap(options.resources.limits));
}
/** Hard limits as the quota controller reports them (spec.hard until it has), usage as counted so far. */
function quotaStatesFrom(quotas) {
    return quotas.map((q) => {
        const statusHard = asMap(q?.status?.hard);
        const scopeSelector = asMap(q?.spec?.scopeSelector);
        const expressions = asList(scopeSelector.matchExpressions).map((e) => {
            const o = asMap(e);
            return { scopeName: String(o.scopeName ?? ''), operator: String(o.operator ?? ''), ...(Array.isArray(o.values) ? { values: o.values.map(String) } : {}) };
        });
        return {
            namespace: String(q?.metadata?.namespace ?? ''),
            name: String(q?.metadata?.name ?? ''),
            hard: lenientFigures(Object.keys(statusHard).length > 0 ? statusHard : asMap(q?.spec?.hard)),
            used: lenientFigures(asMap(q?.status?.used)),
            scopes: asList(q?.spec?.scopes).map(String),
            ...(expressions.length > 0 ? { scopeSelector: { matchExpressions: expressions } } : {}),
        };
    });
}
function taintOf(t) {
    const o = asMap(t);
    return { key: String(o.key ?? ''), ...(typeof o.value === 'string' ? { value: o.value } : {}), effect: String(o.effect ?? '') };
}
function tolerationOf(t) {
    const o = asMap(t);
    const out = {};
    if (typeof o.key === 'string')
        out.key = o.key;
    if (typeof o.operator === 'string')
        out.operator = o.operator;
    if (typeof o.value === 'string')
        out.value = o.value;
    if (typeof o.effect === 'string')
        out.effect = o.effect;
    if (typeof o.tolerationSeconds === 'number')
        out.tolerationSeconds = o.tolerationSeconds;
    return out;
}
function termOf(t) {
    const o = asMap(t);
    const reqs = (v) => asList(v).map((e) => {
        const r = asMap(e);
        return { key: String(r.key ?? ''), operator: String(r.operator ?? ''), ...(Array.isArray(r.values) ? { values: r.values.map(String) } : {}) };
    });
    return {
        ...(Array.isArray(o.matchExpressions) ? { matchExpressions: reqs(o.matchExpressions) } : {}),
        ...(Array.isArray(o.matchFields) ? { matchFields: reqs(o.matchFields) } : {}),
    };
}
/** Quantities that parse; a malformed one (never from a real API server) is skipped rather than fatal. */
function lenientFigures(m) {
    const out = {};
    for (const [k, v] of Object.entries(m)) {
        try {
            out[k] = quantityToNumber(parseQuantity(v));
        }
        catch {
            // skip
        }
    }
    return out;
}
function safeFigures(f) {
    try {
        return f();
    }
    catch {
        return {};
    }
}
function entry(m, key) {
    let e = m.get(key);
    if (!e)
        m.set(key, (e = {}));
    return e;
}

;// CONCATENATED MODULE: ./src/planner/live/fit-all.ts
/**
 * Whether the new pods of each rollout fit: every plan's demand (the new cluster's pods, or only the
 * appended groups' for an in-place update) placed in plan order onto the nodes' free room and the
 * namespaces' quotas, with what a cluster autoscaler could add.
 */



/** Places every rollout's new pods, in plan order, onto what the cluster has free. */
function fitAll(planned, facts) {
    const unknown = (why) => ({ verdict: 'unknown', summary: why, pods: 0, problems: [], scaleUp: [] });
    if (!facts.nodes || !facts.pods) {
        const why = `Not checked: ${!facts.nodes ? 'nodes' : 'pods'} could not be read (see the notes).`;
        return planned.map(() => unknown(why));
    }
    const demands = planned.map((p) => demandOf(p, facts.pods));
    // Node groups only where a cluster-autoscaler publishes its status; otherwise nobody is known to add nodes.
    const nodeGroups = facts.autoscalerStatus ? nodeGroupsFrom(facts.autoscalerStatus, facts.nodes) : undefined;
    const results = checkFit({
        nodes: nodeStatesFrom(facts.nodes, facts.pods),
        quotas: quotaStatesFrom((facts.quotas ?? [])),
        ...(nodeGroups ? { nodeGroups } : {}),
        demands,
    });
    // Node groups with room to grow but no node to copy (scale from zero, the usual GPU pool): the
    // autoscaler may well make room, but their nodes' shape is unknown. Not a misfit, then: unknown.
    const blind = (nodeGroups ?? []).filter((g) => g.currentSize < g.maxSize && !g.nodeNames.some((n) => facts.nodes.some((o) => o.metadata?.name === n)));
    return results.map((r) => {
        const view = fitView(r, facts);
        if (view.verdict !== 'does-not-fit' || r.shortfalls.length === 0 || r.quota.length > 0 || blind.length === 0)
            return view;
        const groups = blind.map((g) => `${g.name} (${g.currentSize} of at most ${g.maxSize} nodes)`).join(', ');
        return {
            ...view,
            verdict: 'unknown',
            summary: `Does not fit on the current nodes, but the cluster autoscaler may add nodes to ${groups}; none of their nodes exists to tell whether they would match. ${view.summary}`,
        };
    });
}
function demandOf(p, pods) {
    const { namespace, name, change } = p.plan;
    const id = `${namespace}/${name}`;
    const cluster = p.headCluster;
    if (!cluster)
        return { id, namespace, pods: [] };
    switch (change) {
        case 'create':
        case 'cluster':
        case 'cluster-incremental': {
            const shapes = podShapesOf(cluster, change === 'cluster-incremental' ? { atMinReplicas: true } : {});
            // A pending cluster that this change abandons is deleted: its pods make room (after the deletion delay).
            const replaced = change !== 'create' ? p.live?.pending?.metadata?.name : undefined;
            const frees = replaced
                ? pods
                    .filter((pod) => pod.metadata?.namespace === namespace && pod.metadata?.labels?.['ray.io/cluster'] === replaced && pod.spec?.nodeName)
                    .map((pod) => ({ node: String(pod.spec?.nodeName), requests: podResources(pod.spec ?? {}) }))
                : [];
            return { id, namespace, pods: shapes, ...(frees.length ? { frees } : {}) };
        }
        case 'cluster-inplace': {
            // A suspended cluster resumed in place (releases with suspendToggleInPlace) starts all its pods.
            const running = p.live?.pending ?? p.live?.active;
            if (running?.spec?.suspend === true && cluster.suspend !== true)
                return { id, namespace, pods: podShapesOf(cluster) };
            const appended = p.plan.changes.filter((c) => c.effect === 'cluster-inplace' && c.note?.startsWith('appended worker group')).map((c) => c.path);
            const groups = (Array.isArray(cluster.workerGroupSpecs) ? cluster.workerGroupSpecs : []);
            const names = groups
                .filter((_, i) => {
                const at = `spec.rayClusterConfig.workerGroupSpecs[${i}]`;
                return appended.some((path) => path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`));
            })
                .map((g) => String(g.groupName ?? ''));
            return { id, namespace, pods: names.length ? podShapesOf(cluster, { onlyGroups: names }) : [] };
        }
        default:
            return { id, namespace, pods: [] };
    }
}
function fitView(r, facts) {
    const problems = [...r.shortfalls.map((s) => `${s.message} (kube-scheduler would say: ${s.scheduler})`), ...r.quota.map((q) => q.message)];
    if (facts.quotas === undefined && r.pods > 0)
        problems.push('ResourceQuotas could not be read: quota not checked.');
    return { verdict: r.verdict, summary: r.summary, pods: r.pods, problems, scaleUp: r.scaleUp.map((s) => ({ ...s })) };
}

;// CONCATENATED MODULE: ./src/planner/live/dry-run-errors.ts

function dryRunErrors(refusal, lineOf) {
    const fromCauses = refusal.causes.map((c) => {
        const path = c.field ? parseFieldPath(c.field) : pathInMessage(c.message);
        return { path: path ? (c.field?.replace(/^\./, '') ?? formatted(path)) : null, line: path ? lineOf(path) : null, message: redacted(c.message, path) };
    });
    if (fromCauses.length)
        return dedupe(fromCauses);
    const path = pathInMessage(refusal.message);
    return [{ path: path ? formatted(path) : null, line: path ? lineOf(path) : null, message: redacted(refusal.message, path) }];
}
/** The API server quotes the refused value ("Invalid value: …", "got …"): not when the field looks secret. */
function redacted(message, path) {
    if (!path || redactAt(path, 'x') !== REDACTED)
        return message;
    return message.replace(/(Invalid value: )("(?:[^"\\]|\\.)*"|\S+)/g, `$1${REDACTED}`).replace(/(got )("(?:[^"\\]|\\.)*"|\S+)/g, `$1${REDACTED}`);
}
/** `spec.a.b[0].c`, `.spec.a["x.y"]`, `spec.a[key=value]` (list-map keys: not followed) → segments. */
function parseFieldPath(field) {
    const out = [];
    const re = /\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\[([^\]]*)\]/gy;
    let m;
    let at = 0;
    while (at < field.length && (m = re.exec(field))) {
        at = re.lastIndex;
        if (m[1] !== undefined)
            out.push(m[1]);
        else if (m[2] !== undefined)
            out.push(Number(m[2]));
        else if (m[3] !== undefined)
            out.push(m[3]);
        else
            break; // [name=value]: an associative key we cannot place by position
    }
    return out.length && (out[0] === 'spec' || out[0] === 'metadata') ? out : undefined;
}
function pathInMessage(message) {
    const m = /(?:^|[\s:(])\.?((?:spec|metadata)(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*)/.exec(message);
    return m ? parseFieldPath(m[1]) : undefined;
}
function formatted(path) {
    return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}
function dedupe(errors) {
    const seen = new Set();
    return errors.filter((e) => {
        const k = `${e.path}\u0000${e.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/planner/live/head-as-stored.ts


/** Notes on what the apply keeps or conflicts with, and why the dry run did not run, go into `notes`. */
function headAsStored(gitHead, dryRun, release, notes) {
    const notRun = { dryRun: 'not-run', dryRunErrors: [], keptByApply: [] };
    if (!gitHead || !dryRun)
        return { head: gitHead, dryRunView: notRun };
    if (dryRun.ok === false) {
        return { head: gitHead, dryRunView: { dryRun: 'refused', dryRunErrors: dryRunErrors(dryRun, lineInManifest(gitHead)), keptByApply: [] } };
    }
    if (dryRun.ok === 'not-run') {
        notes.push(`No server-side dry run: ${dryRun.why}.`);
        return { head: gitHead, dryRunView: notRun };
    }
    const kept = keptByApply(gitHead.object.spec, dryRun.object, release.minor);
    if (kept.length) {
        notes.push(`The apply keeps ${kept.length} field(s) that Git's head does not set, because another field manager owns them (${kept.slice(0, 3).join(', ')}${kept.length > 3 ? ', …' : ''}): the plan includes them, as the operator will see them.`);
    }
    if (dryRun.conflict)
        notes.push(`The apply conflicts with another field manager unless forced (force-conflicts: true): ${dryRun.conflict}`);
    return {
        head: { ...gitHead, object: { ...gitHead.object, spec: dryRun.object.spec } },
        dryRunView: { dryRun: 'ok', dryRunErrors: [], keptByApply: kept },
    };
}
/** Line of a path under the manifest's object, for errors and drift that name the Git line. */
function lineInManifest(m) {
    return (p) => m.source.lineOf([...m.pathInDocument, ...p]);
}

;// CONCATENATED MODULE: ./src/planner/live/operator-version.ts

const KUBERAY_VERSION_ANNOTATION = 'ray.io/kuberay-version';
const VERSION_RE = /^v?(\d+\.\d+\.\d+)(?:[-+].*)?$/;
/** `quay.io/kuberay/operator:v1.6.2` → `v1.6.2`; digests and non-release tags → undefined. */
function versionOfImage(image) {
    const withoutDigest = image.split('@')[0];
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    if (colon <= slash)
        return undefined;
    const m = VERSION_RE.exec(withoutDigest.slice(colon + 1));
    return m ? `v${m[1]}` : undefined;
}
function normalizeVersion(v) {
    const m = v ? VERSION_RE.exec(v.trim()) : null;
    return m ? `v${m[1]}` : undefined;
}
/** Numeric order of "v1.6.2"-style versions. */
function compareVersions(a, b) {
    const pa = a.replace(/^v/, '').split('.').map(Number);
    const pb = b.replace(/^v/, '').split('.').map(Number);
    for (let i = 0; i < 3; i++)
        if ((pa[i] ?? 0) !== (pb[i] ?? 0))
            return (pa[i] ?? 0) - (pb[i] ?? 0);
    return 0;
}
function operatorVersion(deployments, clusters) {
    for (const d of operator_version_byName(deployments)) {
        const operator = operatorContainer(d);
        const fromImage = operator?.image ? versionOfImage(String(operator.image)) : undefined;
        if (fromImage)
            return { version: fromImage, source: 'operator-deployment', detail: `image ${operator.image} of Deployment ${operator_version_name(d)}` };
        // A digest-pinned image: the Helm chart's version label still tells.
        const label = normalizeVersion(d.metadata?.labels?.['app.kubernetes.io/version']);
        if (label)
            return { version: label, source: 'operator-deployment', detail: `label app.kubernetes.io/version of Deployment ${operator_version_name(d)}` };
    }
    // Newest annotation seen: after an operator upgrade the operator rewrites the active clusters it
    // reconciles, so an older annotation is a cluster it has not refreshed yet (or one left frozen by an upgrade).
    let best;
    for (const c of clusters) {
        const v = normalizeVersion(c.metadata?.annotations?.[KUBERAY_VERSION_ANNOTATION]);
        if (v && (!best || compareVersions(v, best.version) > 0))
            best = { version: v, cluster: c };
    }
    return best
        ? { version: best.version, source: 'cluster-annotation', detail: `annotation ${KUBERAY_VERSION_ANNOTATION} of RayCluster ${operator_version_name(best.cluster)}` }
        : undefined;
}
/** Deployments in a stable order, so that several operators give the same answer every time. */
function operator_version_byName(deployments) {
    return [...(deployments ?? [])].sort((x, y) => operator_version_name(x).localeCompare(operator_version_name(y)));
}
/** The operator's container: the one running a KubeRay image, else the first. */
function operatorContainer(d) {
    const containers = asList(asMap(asMap(d.spec?.template).spec).containers);
    return containers.find((c) => /kuberay|operator/.test(String(c.image ?? ''))) ?? containers[0];
}
function operator_version_name(o) {
    return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}
function operatorSettingsFrom(deployments) {
    const d = operator_version_byName(deployments)[0];
    const c = d && operatorContainer(d);
    if (!d || !c)
        return undefined;
    const env = (c.env ?? []).find((e) => e.name === 'ENABLE_ZERO_DOWNTIME');
    const zeroDowntime = env && typeof env.value === 'string' ? env.value.toLowerCase() !== 'false' : undefined;
    let incrementalGate;
    for (const arg of [...(c.command ?? []), ...(c.args ?? [])]) {
        const m = /^--feature-gates=(.*)$/.exec(String(arg));
        const gate = m?.[1]
            ?.split(',')
            .map((g) => g.trim().split('='))
            .find(([k]) => k === 'RayServiceIncrementalUpgrade');
        if (gate)
            incrementalGate = (gate[1] ?? 'true').toLowerCase() === 'true';
    }
    if (zeroDowntime === undefined && incrementalGate === undefined)
        return undefined;
    return {
        ...(zeroDowntime !== undefined ? { zeroDowntime } : {}),
        ...(incrementalGate !== undefined ? { incrementalGate } : {}),
        detail: `Deployment ${operator_version_name(d)}`,
    };
}

;// CONCATENATED MODULE: ./src/planner/live/rollout-in-progress.ts
/**
 * What the cluster's state does to a planned change: a RayService in which KubeRay applies nothing,
 * an upgrade already in progress (its pending cluster kept, extended or abandoned; a rollback during
 * an incremental upgrade), and an operator that rewrites a cluster another version wrote.
 */



/** The plan turned `ignored`, its reasons kept as what would otherwise happen. */
function haltedPlan(p, halted) {
    return {
        ...p,
        change: 'ignored',
        reasons: [halted, ...p.reasons.map((r) => `Otherwise: ${r}`)],
        changes: p.changes.map((c) => ({ ...c, effect: c.effect === 'none' ? 'none' : 'ignored' })),
    };
}
/**
 * Releases with `incrementalRollback`: during an incremental upgrade, a goal that differs from the
 * pending cluster starts a rollback first (`reconcileRollbackState`: RollbackInProgress, traffic back
 * to the active cluster, the pending one removed); a new cluster is prepared only after that, and
 * only if the goal differs from the active cluster. A revert to the active spec therefore builds nothing.
 */
function incrementalRollback(p, live, headCluster, release, notes) {
    if (p.change !== 'cluster-incremental' || !live?.pending || !live.active || !release.incrementalRollback || !headCluster)
        return p;
    const pendingName = String(live.pending.metadata?.name);
    const activeName = String(live.active.metadata?.name);
    const active = comparisonBase(storedCluster(live.active.spec, release), storedCluster(live.rayService?.spec?.rayClusterConfig, release), release);
    if (compareClusterSpecs(active, headCluster, release).kind === 'equal') {
        return {
            ...p,
            change: 'none',
            reasons: [
                `A revert to what ${activeName} runs, in the middle of an incremental upgrade: KubeRay ${release.version} rolls traffic back to ${activeName} (RollbackInProgress) and removes ${pendingName}; no new RayCluster is built.`,
                ...p.reasons.map((r) => `Without the rollback: ${r}`),
            ],
        };
    }
    notes.push(`KubeRay ${release.version} does not replace ${pendingName} right away: the goal differs from it, so it first rolls traffic back to ${activeName} (RollbackInProgress) and removes ${pendingName}; only then does it build the new RayCluster.`);
    return p;
}
/** An upgrade in progress: the change is compared with its pending cluster, which it extends, keeps or abandons. */
function upgradeInProgressNotes(target, live, change, release) {
    const { pendingName, activeName } = target;
    if (!target.found || !pendingName)
        return [];
    const readable = live?.pending ? '' : ' (not readable: compared with the live RayService)';
    const notes = [
        `A rollout is already in progress: pending RayCluster ${pendingName} is being prepared next to active ${activeName ?? '(none)'}; KubeRay compares this change with ${pendingName}${readable}.`,
    ];
    if (change === 'cluster-inplace') {
        notes.push(`The appended worker groups are added to ${pendingName} in place (it keeps starting); ${activeName ?? 'the active cluster'} is not touched during the upgrade.`);
    }
    else if (change === 'cluster' || (change === 'cluster-incremental' && !release.incrementalRollback)) {
        notes.push(`${pendingName} is abandoned: a new pending RayCluster replaces it, and ${pendingName} is deleted after rayClusterDeletionDelaySeconds (default 60 s) — three clusters can exist for that long.`);
    }
    else if (change === 'none' || change === 'app') {
        notes.push(`${pendingName} already has this cluster spec: it keeps starting${change === 'app' ? ' and the new Serve config goes to it' : ''}.`);
    }
    return notes;
}
/** An active cluster last written by another operator version is rewritten in place, once, by this one. */
function operatorRefreshNotes(operator, live, pendingName) {
    if (!operator || !live?.active)
        return [];
    const built = normalizeVersion(live.active.metadata?.annotations?.[KUBERAY_VERSION_ANNOTATION]);
    if (!built || built === operator.version)
        return [];
    return [
        `The operator (${operator.version}, ${operator.detail}) is not the one that last wrote active RayCluster ${live.active.metadata?.name} (${built}): on its next reconcile${pendingName ? ' after the upgrade in progress' : ''} it rewrites that cluster in place with the RayService's spec, once. A cluster change that reaches the operator at that moment is applied in place (pods restarted, no blue/green).`,
    ];
}

;// CONCATENATED MODULE: ./src/planner/live/cluster-plan.ts
/**
 * The cluster-aware plan: the Git plan, corrected by what the cluster knows. Pure — facts in, plan out.
 *
 * - The head manifest is the object the API server would store (the dry run's answer: CRD defaults
 *   of the installed CRD, canonical quantities, fields kept from other managers).
 * - It is compared with what runs, as the operator compares it: the Serve config with the live
 *   RayService's, the cluster spec with the PENDING RayCluster when an upgrade is in progress, else
 *   the active one (`shouldPrepareNewCluster`, `shouldUpdateCluster`).
 * - The operator's release is the one that runs (its Deployment's image, else the clusters'
 *   `ray.io/kuberay-version`), not the input.
 * - Drift (live ≠ Git's base), a rollout in progress, an operator refresh and whether the new pods fit
 *   are reported per RayService.
 *
 * Each step is a sibling module: head-as-stored, compare-with-live, rollout-in-progress, fit-all.
 */











/** Plan from Git alone, saying why the cluster could not be read. */
function gitOnlyPlan(base, head, options, why) {
    const p = plan(base, head, options);
    return { ...p, cluster: { mode: 'git-only', notes: [why] } };
}
function planWithCluster(base, head, facts, options = {}) {
    const notes = [...facts.notes];
    const liveClusters = [...facts.services.values()].flatMap((s) => [s.active, s.pending].filter((c) => c !== undefined));
    const operator = operatorVersion(facts.operatorDeployments, liveClusters);
    const { release, source, shown } = chooseRelease(operator, options, notes);
    const settings = settingsTheOperatorRuns(release, facts, options, notes);
    const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
    const planned = ids.map((id) => planOne(id, base.get(id), head.get(id), facts, settings, operator));
    const fits = fitAll(planned, facts);
    const services = planned.map((p, i) => ({ ...p.plan, cluster: { ...p.view, fit: fits[i] } }));
    const context = {
        mode: 'live',
        server: facts.server,
        notes,
        ...(operator ? { operator: { version: operator.version, source: operator.source, detail: operator.detail } } : {}),
    };
    return { kuberayVersion: shown, kuberayVersionSource: source, cluster: context, services };
}
/** The operator's own ENABLE_ZERO_DOWNTIME and feature gate, where its Deployment says, over the inputs. */
function settingsTheOperatorRuns(release, facts, options, notes) {
    const deployed = operatorSettingsFrom(facts.operatorDeployments);
    if (deployed?.zeroDowntime !== undefined && deployed.zeroDowntime !== (options.zeroDowntime ?? true)) {
        notes.push(`The operator runs with ENABLE_ZERO_DOWNTIME=${deployed.zeroDowntime} (${deployed.detail}); the zero-downtime input says ${options.zeroDowntime ?? true}: the plan follows the operator.`);
    }
    if (deployed?.incrementalGate !== undefined && options.incrementalGate !== undefined && deployed.incrementalGate !== options.incrementalGate) {
        notes.push(`The operator runs with the RayServiceIncrementalUpgrade gate ${deployed.incrementalGate ? 'on' : 'off'} (${deployed.detail}): the plan follows the operator.`);
    }
    return settingsFor(release, {
        ...options,
        ...(deployed?.zeroDowntime !== undefined ? { zeroDowntime: deployed.zeroDowntime } : {}),
        ...(deployed?.incrementalGate !== undefined ? { incrementalGate: deployed.incrementalGate } : {}),
    });
}
function chooseRelease(operator, options, notes) {
    const fromInput = releaseFor(options.kuberayVersion);
    const inputShown = shownVersion(options.kuberayVersion, fromInput);
    if (!operator) {
        notes.push(`The operator's version could not be read from the cluster (no readable KubeRay Deployment, no RayCluster of these RayServices): the plan uses the kuberay-version input, ${inputShown}.`);
        return { release: fromInput, source: 'input', shown: inputShown };
    }
    const newest = RELEASES[RELEASES.length - 1];
    let release = resolveRelease(operator.version);
    if (!release && compareVersions(operator.version, newest.version) > 0) {
        release = newest;
        notes.push(`KubeRay ${operator.version} runs (${operator.detail}), newer than the releases whose rules this tool knows: the plan uses ${newest.version}'s rules.`);
    }
    else if (!release) {
        notes.push(`KubeRay ${operator.version} runs (${operator.detail}), older than any release this tool knows: the plan uses the kuberay-version input, ${inputShown}.`);
        return { release: fromInput, source: 'input', shown: inputShown };
    }
    if (release.minor !== fromInput.minor) {
        notes.push(`KubeRay ${operator.version} runs in the cluster (${operator.detail}); the kuberay-version input says ${inputShown}: the plan follows the cluster.`);
    }
    // Shown as the input would be written ("1.6.2", as in the Git-only plan); the operator's own spelling stays in cluster.operator.
    return { release, source: operator.source, shown: operator.version.replace(/^v/, '') };
}
/**
 * One RayService against the cluster: the head as the API server stores it, compared with what the
 * operator compares it with, in the state the RayService is in; notes say what the cluster changed.
 */
function planOne(id, gitBase, gitHead, facts, settings, operator) {
    const release = settings.release;
    const live = facts.services.get(id);
    const notes = [];
    const stored = headAsStored(gitHead, facts.dryRuns.get(id), release, notes);
    const target = compareWithLive(gitBase, gitHead, live, release, notes);
    const headCluster = stored.head ? clusterOf(stored.head, release) : undefined;
    const planned = planService(target.base, stored.head, settings);
    const predicted = target.halted ? haltedPlan(planned, target.halted) : incrementalRollback(planned, live, headCluster, release, notes);
    const unchangedByCluster = stored.head === gitHead && target.base === gitBase;
    const fromGit = unchangedByCluster ? predicted : planService(gitBase, gitHead, settings);
    notes.push(...upgradeInProgressNotes(target, live, predicted.change, release));
    notes.push(...operatorRefreshNotes(operator, live, target.pendingName));
    const drift = driftFromGitBase(gitBase, gitHead, target, release, notes);
    return {
        plan: predicted,
        live,
        ...(headCluster ? { headCluster } : {}),
        view: clusterView(live, target, stored, fromGit.change !== predicted.change ? fromGit.change : undefined, drift, notes),
    };
}
/** Where the live RayService differs from Git's base; a live object that already matches the head is said so. */
function driftFromGitBase(gitBase, gitHead, target, release, notes) {
    const found = target.found;
    if (!found || !gitBase)
        return [];
    const drift = driftOf(gitBase.object.spec, found, release.minor, lineInManifest(gitBase));
    if (drift.length && gitHead) {
        const liveMatchesHead = driftOf(gitHead.object.spec, found, release.minor, () => null).length === 0;
        if (liveMatchesHead)
            notes.push("The live RayService already matches Git's head: this change was applied outside this pull request.");
    }
    return drift;
}
function clusterView(live, target, stored, gitOnlyChange, drift, notes) {
    const { activeName, pendingName, comparedWith } = target;
    return {
        live: target.found ? 'found' : live ? 'absent' : 'unknown',
        ...(activeName ? { activeCluster: activeName } : {}),
        ...(pendingName ? { pendingCluster: pendingName } : {}),
        ...(comparedWith ? { comparedWith } : {}),
        ...(gitOnlyChange ? { gitOnlyChange } : {}),
        drift,
        ...stored.dryRunView,
        notes,
    };
}
function clusterOf(m, release) {
    try {
        const spec = storedSpec(m.object.spec, release.minor);
        return isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : undefined;
    }
    catch {
        return undefined; // the planner already refused it with file and line
    }
}

;// CONCATENATED MODULE: ./src/flows/cluster-aware-plan.ts
/**
 * The cluster-aware plan as one call for the CLI and the action: connect, read the facts, plan.
 * Degrades to the Git-only plan with a note — never an error — when there are no credentials or
 * the cluster cannot be reached; refusals of the manifests themselves (InputError) still throw.
 * `planBeforeApply` is the apply's version: connected already, and strict.
 */






/** How long a plan may spend on the cluster, all reads together (each read has its own 15 s too). */
const LIVE_PLAN_DEADLINE_MS = 60_000;
async function clusterAwarePlan(base, head, options) {
    const deadline = options.connect?.deadline ?? new Deadline(LIVE_PLAN_DEADLINE_MS, 'the time limit of a live plan');
    let conn;
    try {
        conn = await connect({ ...options.connect, deadline });
    }
    catch (e) {
        if (e instanceof ConnectionError)
            return gitOnlyPlan(base, head, options, `Planned from Git alone: ${e.message}.`);
        throw e;
    }
    let facts;
    try {
        facts = await readClusterFacts(conn, base, head, options);
    }
    catch (e) {
        // Unreachable, out of time, a credential plugin that failed: still a plan, from Git.
        if (e instanceof ClusterUnreachableError || e instanceof DeadlineError || e instanceof ConnectionError)
            return gitOnlyPlan(base, head, options, `Planned from Git alone: ${e.message}.`);
        throw e;
    }
    finally {
        // Nothing more is read: a credential plugin still running is killed, not left behind.
        deadline.cancel();
    }
    return planWithCluster(base, head, facts, options);
}
/**
 * Before an apply: the change predicted against what runs (the pending cluster of an upgrade in
 * progress, drift) with the running operator's rules, and the fit known up front. A manifest the
 * API server refuses stops everything before anything is applied (ApplyRefusedError, named by line);
 * an unreachable cluster throws (ClusterUnreachableError): there is nothing to apply to.
 */
async function planBeforeApply(conn, base, head, options) {
    const p = planWithCluster(base, head, await readClusterFacts(conn, base, head, options), options);
    const refused = dryRunRefusals(p);
    if (refused.length)
        throw new ApplyRefusedError(refused);
    return p;
}

;// CONCATENATED MODULE: ./src/planner/types.ts
/** From weakest to strongest: the strongest change of a run is the action's `change` output. */
const CHANGE_ORDER = ['none', 'ignored', 'app', 'cluster-inplace', 'create', 'cluster-incremental', 'cluster', 'delete'];
function strongestChange(changes) {
    let best = 'none';
    for (const c of changes)
        if (CHANGE_ORDER.indexOf(c) > CHANGE_ORDER.indexOf(best))
            best = c;
    return best;
}

;// CONCATENATED MODULE: ./src/util/neutralize.ts
/**
 * Text from manifests and from the cluster, made harmless for where it is printed. Pure functions,
 * one per destination; the output edges (src/cli/output.ts, src/action/output.ts) apply them after
 * redaction, so nothing that leaves the process can:
 * - drive a terminal: ESC, CR, the other C0 controls, DEL and the C1 controls (U+0080–U+009F,
 *   U+009B is an 8-bit CSI) become visible escapes such as `\x1b`;
 * - reorder or hide what a reader sees: bidi overrides and isolates, and the Unicode line and
 *   paragraph separators, become `\u202e`-style escapes;
 * - run a GitHub workflow command: the runner reads `::name::data` at the start of a line (after
 *   leading blanks) and the legacy `##[name]data` anywhere in a line, from every line a step
 *   prints, so such lines are defused;
 * - break a markdown table row: no line break of any kind is left in a cell.
 * Backslashes are not doubled: an escape in the output may also be text that looked like one.
 */
/** C0 controls except TAB and LF, DEL, C1, Arabic letter mark, LRM/RLM, LS/PS, bidi embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this module is for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What ends a line somewhere: a terminal, CommonMark, GitHub's runner, an editor. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this module is for
const ANY_LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/** A workflow command line: `::` after leading blanks (the runner trims them first). */
const COMMAND_LINE = /^(\s*)::/gm;
/** The legacy workflow command prefix, honoured anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;
/** `\x1b` for a byte-sized code point, `\u202e` above; CR as `\r`. */
function visibleEscape(ch) {
    if (ch === '\r')
        return '\\r';
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
/**
 * For a terminal or a CI log (stdout, stderr, `core.info`, annotation messages): line feeds and
 * tabs stay, CRLF becomes LF, every other control becomes a visible escape, and no line can start
 * or contain a workflow command.
 */
function neutralizeLog(text) {
    return text.replace(/\r\n/g, '\n').replace(UNSAFE, visibleEscape).replace(COMMAND_LINE, '$1\\::').replace(LEGACY_COMMAND, '##\\[');
}
/** A single line for a log or a one-line field (a commit status description, a group title). */
function neutralizeLine(text) {
    return neutralizeLog(text.replace(ANY_LINE_BREAK, ' '));
}
/**
 * For a markdown document (a comment, the job summary): its own markup stays, CRLF becomes LF,
 * and every control or invisible reordering character becomes a visible escape (a lone CR is a
 * line break to CommonMark, so it becomes `\r`).
 */
function neutralizeMarkdown(text) {
    return text.replace(/\r\n/g, '\n').replace(UNSAFE, visibleEscape);
}
/**
 * For one cell of a markdown table: every line break (CR, LF, CRLF, VT, FF, NEL, U+2028/2029)
 * becomes a space, `|` an entity, and the other controls visible escapes. Markup is the caller's
 * business (the renderer escapes it before).
 */
function neutralizeTableCell(text) {
    return text.replace(ANY_LINE_BREAK, ' ').replace(/\|/g, '&#124;').replace(UNSAFE, visibleEscape);
}
/**
 * Code points a JSON string may hold raw (or a careless writer may leave) that a terminal, a reader
 * or the runner would act on. TAB and LF stay: JSON.stringify writes them only as indentation.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this module is for
const JSON_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** One JSON string token (valid JSON has no `"` outside them). */
const JSON_STRING = /"[^"\\]*(?:\\.[^"\\]*)*"/g;
/**
 * For JSON text (JSON.stringify's output): the same document and layout, with every string passed
 * through `mapString` (the edges pass the redaction) and written so that no raw control,
 * separator or bidi character and no `##[` appears. Only characters inside strings change, into
 * `\uXXXX` escapes that JSON.parse reads back as the same string. (A JSON line cannot start with
 * `::`: outside strings only `{}[],:"`, digits, `-` and literals begin one, and a string's own
 * line breaks are escaped.)
 */
function neutralizeJson(json, mapString = (s) => s) {
    return json
        .replace(JSON_STRING, (token) => {
        let value;
        try {
            value = JSON.parse(token);
        }
        catch {
            return token; // not JSON.stringify's: left to the escaping below
        }
        const mapped = mapString(value);
        return mapped === value ? token : JSON.stringify(mapped);
    })
        .replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(LEGACY_COMMAND, '#\\u0023[');
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
/**
 * The plan as GitHub-flavoured markdown: the PR comment, the job summary and `--format markdown`.
 * Everything that comes from a manifest is escaped (a manifest must not inject markdown, HTML or
 * @-mentions), and the text never exceeds `maxLength`: detail is dropped by whole services, then
 * the whole plan collapses to a short form that still names every service.
 */





/** GitHub's limit on a comment body is 65,536 characters; keep headroom for the marker and footer. */
const GITHUB_COMMENT_LIMIT = 65_536;
const BADGE = {
    create: '🆕 create',
    delete: '🗑️ delete',
    none: '⚪ none',
    app: '🟢 app (in place)',
    'cluster-inplace': '🟡 cluster-inplace',
    cluster: '🔵 cluster (blue/green)',
    'cluster-incremental': '🔵 cluster-incremental',
    ignored: '🟠 ignored',
};
const RISK = {
    none: 'none',
    ignored: '⚠️ change not applied',
    app: 'low',
    'cluster-inplace': 'medium: running cluster modified, replicas reset',
    cluster: 'high: second cluster, double capacity',
    'cluster-incremental': 'medium: second cluster, traffic shifted in steps',
    create: 'medium: new cluster',
    delete: 'high: service removed',
};
function renderMarkdown(plan, options = {}) {
    const max = options.maxLength ?? GITHUB_COMMENT_LIMIT - 1_000;
    const head = renderHead(plan, options);
    const foot = options.footer ? `\n${options.footer}\n` : '';
    const details = plan.services.map(renderDetails);
    let body = head + details.join('') + foot;
    if (body.length <= max)
        return body;
    // Drop detail by whole services, largest first, and say so.
    const order = details.map((d, i) => ({ i, n: d.length })).sort((a, b) => b.n - a.n);
    const kept = [...details];
    for (const { i } of order) {
        kept[i] = '';
        const omitted = kept.filter((d) => d === '').length;
        const note = `\n_Details of ${omitted} service${omitted > 1 ? 's' : ''} omitted to stay within GitHub's comment size; the job summary and the \`plan\` output have them all._\n`;
        body = head + kept.join('') + note + foot;
        if (body.length <= max)
            return body;
    }
    return renderShort(plan, max, options);
}
function renderHead(plan, options) {
    const lines = [];
    lines.push(`### ${options.title ?? 'RayService rollout plan'}`, '');
    lines.push(summaryLine(plan), '');
    const context = clusterLine(plan);
    if (context)
        lines.push(context, '');
    if (plan.services.length === 0)
        return `${lines.join('\n')}\n`;
    const live = plan.cluster?.mode === 'live';
    lines.push(`| RayService | Change | Strategy | Extra capacity during rollout | Risk |${live ? ' Fits? |' : ''}`, `|---|---|---|---|---|${live ? '---|' : ''}`);
    for (const s of plan.services) {
        const fit = live ? ` ${s.cluster ? FIT_BADGE[s.cluster.dryRun === 'refused' ? 'refused' : s.cluster.fit.verdict] : '—'} |` : '';
        lines.push(`| ${code(serviceKey(s))} | ${BADGE[s.change]} | ${s.capacity.strategy} | ${esc(extraCapacity(s))} | ${RISK[s.change]} |${fit}`);
    }
    return `${lines.join('\n')}\n`;
}
const FIT_BADGE = {
    fits: '✅ fits',
    'fits-after-scale-up': '🟡 after scale-up',
    'does-not-fit': '⛔ does not fit',
    'nothing-to-place': '— no new pods',
    unknown: '❔ unknown',
    refused: '⛔ refused by the API server',
};
const FIT_ICON = { fits: '✅', 'fits-after-scale-up': '🟡', 'does-not-fit': '⛔', 'nothing-to-place': '—', unknown: '❔' };
/** Escaped text in which `back-quoted` spans (names the placement quotes) become code. */
function escWithCode(text) {
    return text
        .split('`')
        .map((part, i) => (i % 2 ? code(part) : esc(part)))
        .join('');
}
/** Where the plan's knowledge comes from: the cluster (and which operator), or Git alone and why. */
function clusterLine(plan) {
    const c = plan.cluster;
    if (!c)
        return undefined;
    if (c.mode === 'git-only')
        return `_Git only:_ ${esc(c.notes.join(' '))}`;
    const operator = c.operator ? `KubeRay ${esc(c.operator.version)} (${esc(c.operator.detail)})` : 'operator version not found';
    const notes = c.notes.length ? `\n\n${c.notes.map((n) => `> ${esc(n)}`).join('\n>\n')}` : '';
    return `_Compared with the cluster_ ${code(c.server ?? '')}: ${operator}.${notes}`;
}
function summaryLine(plan) {
    const n = plan.services.length;
    if (n === 0)
        return `**No RayService found** in the manifests (KubeRay ${esc(plan.kuberayVersion)}).`;
    const counts = new Map();
    for (const s of plan.services)
        counts.set(s.change, (counts.get(s.change) ?? 0) + 1);
    const parts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${k} ${c}`);
    const strongest = strongestChange(plan.services.map((s) => s.change));
    const misfits = plan.services.filter((s) => s.cluster?.fit.verdict === 'does-not-fit').length;
    const refused = plan.services.filter((s) => s.cluster?.dryRun === 'refused').length;
    const drifted = plan.services.filter((s) => (s.cluster?.drift.length ?? 0) > 0).length;
    const flags = [
        refused ? ` · ⛔ ${refused} refused by the API server` : '',
        misfits ? ` · ⛔ ${misfits} do${misfits > 1 ? '' : 'es'} not fit` : '',
        drifted ? ` · ⚠️ ${drifted} drifted from Git` : '',
    ].join('');
    return `**${n} RayService${n > 1 ? 's' : ''}**: ${parts.join(', ')} · strongest: \`${strongest}\` · KubeRay ${esc(plan.kuberayVersion)}${flags}`;
}
function renderDetails(s) {
    const out = [];
    out.push('', `<details><summary>${htmlCode(serviceKey(s))}: ${esc(s.change)} (${htmlText(s.file)})</summary>`, '');
    for (const r of s.reasons)
        out.push(`- ${esc(r)}`);
    if (s.changes.length) {
        out.push('', '| Field | From | To | Effect | Line |', '|---|---|---|---|---|');
        for (const c of s.changes.slice(0, 60)) {
            const note = c.note ? `<br><sub>${esc(c.note)}</sub>` : '';
            out.push(`| ${code(c.path)} | ${value(c.from)} | ${value(c.to)} | ${esc(c.effect)}${note} | ${c.file ? `${esc(c.file)}:` : ''}${c.line ?? ''} |`);
        }
        if (s.changes.length > 60)
            out.push(`| … and ${s.changes.length - 60} more fields | | | | |`);
    }
    out.push('', `Capacity: current ${esc(fig(s.capacity.current))} → new ${esc(fig(s.capacity.new))}; peak ${esc(fig(s.capacity.peak))}.`);
    if (s.cluster)
        out.push(...renderClusterView(s, s.cluster));
    out.push('', '</details>', '');
    return out.join('\n');
}
function renderClusterView(s, c) {
    const out = ['', '**In the cluster**', ''];
    const state = c.live === 'found'
        ? `running: active RayCluster ${c.activeCluster ? code(c.activeCluster) : '(none)'}${c.pendingCluster ? `, pending ${code(c.pendingCluster)} (upgrade in progress)` : ''}${c.comparedWith ? `; this change is compared with ${code(c.comparedWith)}` : ''}`
        : c.live === 'absent'
            ? 'not in the cluster yet'
            : 'could not be read';
    out.push(`- RayService ${state}.`);
    if (c.gitOnlyChange)
        out.push(`- From Git alone this would look like \`${c.gitOnlyChange}\`; what runs makes it \`${s.change}\`.`);
    if (c.dryRun === 'refused') {
        out.push(`- ⛔ **The API server refuses this manifest** (server-side dry run): the apply would stop before changing anything.`);
        for (const e of c.dryRunErrors)
            out.push(`  - ${e.line ? `line ${e.line}: ` : ''}${e.path ? `${code(e.path)}: ` : ''}${esc(e.message)}`);
    }
    else if (c.dryRun === 'ok') {
        out.push('- Server-side dry run: accepted; the plan compares the object as the API server would store it.');
    }
    for (const n of c.notes)
        out.push(`- ${esc(n)}`);
    const fitText = c.fit.verdict === 'nothing-to-place' ? 'no new pods to schedule.' : escWithCode(c.fit.summary);
    out.push(`- Will it fit? ${FIT_ICON[c.fit.verdict]} ${fitText}`);
    for (const p of c.fit.problems)
        out.push(`  - ${escWithCode(p)}`);
    if (c.drift.length) {
        out.push('', `Drift: the live RayService differs from Git's base in ${c.drift.length} field${c.drift.length > 1 ? 's' : ''} (changed outside Git?):`, '', '| Field | Git (base) | Live | Written by | Line |', '|---|---|---|---|---|');
        for (const d of c.drift.slice(0, 30))
            out.push(`| ${code(d.path)} | ${value(d.git)} | ${value(d.live)} | ${d.manager ? code(d.manager) : ''} | ${d.line ?? ''} |`);
        if (c.drift.length > 30)
            out.push(`| … and ${c.drift.length - 30} more | | | | |`);
    }
    return out;
}
function renderShort(plan, max, options) {
    const lines = [
        `### ${options.title ?? 'RayService rollout plan'}`,
        '',
        summaryLine(plan),
        '',
        '_Short form: the full plan does not fit in a comment; see the job summary or the `plan` output._',
        '',
    ];
    for (const s of plan.services)
        lines.push(`- ${code(serviceKey(s))}: \`${s.change}\``);
    let text = `${lines.join('\n')}\n${options.footer ? `\n${options.footer}\n` : ''}`;
    if (text.length > max) {
        // Even the list is too long (thousands of services): name them compactly.
        text = [lines[0], '', summaryLine(plan), '', plan.services.map((s) => `${esc(serviceKey(s))}=${s.change}`).join(', ')].join('\n');
        text = text.slice(0, max - 20) + (text.length > max - 20 ? ' …(truncated)' : '');
    }
    return text;
}
function extraCapacity(s) {
    if (s.change !== 'cluster' && s.change !== 'cluster-incremental' && s.change !== 'create' && s.change !== 'cluster-inplace')
        return '—';
    const extra = {};
    for (const [k, v] of Object.entries(s.capacity.peak)) {
        const d = v - (s.capacity.current?.[k] ?? 0);
        if (Math.abs(d) > 1e-9)
            extra[k] = d;
    }
    return Object.keys(extra).length ? `+${describeSize(extra).replace(/, /g, ', +')}` : '—';
}
function fig(f) {
    return f ? describeSize(f) : '—';
}
function value(v) {
    if (v === null || v === undefined)
        return '—';
    let s = typeof v === 'string' ? v : JSON.stringify(v);
    if (s.length > 80)
        s = `${s.slice(0, 77)}…`;
    return code(s);
}
/**
 * Escapes text for a markdown table cell or list item: no markup, HTML or mentions get through,
 * and (the cell neutralizer) no line break of any kind, `|` or control character. Redacted first:
 * escaping would hide a secret's shape from the redaction at the output edge.
 */
function esc(text) {
    return neutralizeTableCell(redactSecrets(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_{}[\]()#+!~])/g, '\\$1')
        .replace(/@/g, '@\u200b'));
}
/** Inline code that survives any content: HTML <code> with entities (backticks can't be escaped inside ``). */
function code(text) {
    return htmlCode(text);
}
function htmlCode(text) {
    return `<code>${htmlText(text)}</code>`;
}
const HTML_ENTITY = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** Text inside inline HTML (<code>, a <summary>): entities for markup, then the cell neutralizer. */
function htmlText(text) {
    return neutralizeTableCell(
    // One pass, so no entity written here is escaped again (`@` → `&#64;` must not become `&&#35;64;`).
    redactSecrets(text).replace(/[&<>@[\]()*_`~\\#!]/g, (ch) => HTML_ENTITY[ch] ?? `&#${ch.charCodeAt(0)};`));
}

;// CONCATENATED MODULE: ./src/render/json.ts
function renderJson(plan) {
    return `${JSON.stringify(plan, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/cli/usage-error.ts
/** A wrong command line: printed as one line, exit status 2. */

class UsageError extends UserError {
}

;// CONCATENATED MODULE: ./src/cli/output.ts
/**
 * The CLI's output edge: every string it prints passes through here, redacted (redactSecrets)
 * and then neutralized for a terminal or a CI log (src/util/neutralize.ts), because manifest
 * values and cluster messages (Serve errors, events) reach stdout and stderr and a `run:` step's
 * output is read by the runner for workflow commands. JSON stays the same JSON document: only its
 * strings are redacted and escaped.
 */


function outputTo(sink) {
    return {
        text: (text) => {
            sink.write(neutralizeLog(redactSecrets(text)));
        },
        json: (json) => {
            sink.write(neutralizeJson(json, redactSecrets));
        },
    };
}
/** A sink whose writes go through the edge as text: for code that writes lines to a sink. */
function textSink(sink) {
    const output = outputTo(sink);
    return { write: (text) => output.text(text) };
}
/** Text on stdout, through the edge. */
function writeOut(text) {
    outputTo(process.stdout).text(text);
}
/** Text on stderr, through the edge. */
function writeErr(text) {
    outputTo(process.stderr).text(text);
}
/** One line on stderr, whatever line breaks the text holds: how a refusal is printed. */
function writeErrLine(text) {
    process.stderr.write(`${neutralizeLine(redactSecrets(text))}\n`);
}

;// CONCATENATED MODULE: ./src/settings/defaults.ts
/**
 * Every default of the command line and the action, written once. The CLI's flags and help
 * texts, the action's inputs and action.yml (checked by test/unit/action-yml.test.ts) take their
 * defaults from here, so a flag and the input of the same name cannot drift apart.
 */

const DEFAULTS = {
    /** The release line predicted for when none is named; owned by the table of releases. */
    kuberayVersion: DEFAULT_KUBERAY_VERSION,
    /** Every YAML file of the repository (the action; the CLI is given files or folders). */
    manifestGlobs: ['**/*.yaml', '**/*.yml'],
    /** The operator's ENABLE_ZERO_DOWNTIME, on unless the operator was started without it. */
    zeroDowntime: true,
    /** For manifests that name no namespace, as kubectl does. */
    namespace: 'default',
    format: 'json',
    /** The wait for each rollout: long enough for a new cluster's image pulls and Serve start. */
    timeout: '30m',
    /** One field manager for the dry runs and the apply, so the dry run predicts the apply's conflicts. */
    fieldManager: 'rayservice-rollout',
    forceConflicts: false,
    onFailure: 'none',
    live: false,
    dryRun: false,
    comment: true,
    /** Commit status context of plan mode; apply mode uses its own unless the input names one. */
    planStatusContext: 'rayservice-rollout/plan',
    applyStatusContext: 'rayservice-rollout/apply',
};

;// CONCATENATED MODULE: ./src/settings/parse.ts
/**
 * One parser per kind of setting, shared by the command line and the action: a flag and the input
 * of the same name accept the same values and refuse the same typos. Each parser takes the name the
 * user wrote (`--timeout`, `input timeout`) so a refusal says what to fix; an absent or empty value
 * means the default.
 */


/** A setting given a value it does not take: one line naming the flag or input and what it accepts. */
class SettingError extends UserError {
}
const isUnset = (text) => text === undefined || text.trim() === '';
/** "a or b", "a, b or c". */
function orList(values) {
    return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}
/** Exactly true or false (any case): a typo is refused rather than read as either. */
function parseBool(setting, text, fallback) {
    if (isUnset(text))
        return fallback;
    const v = text.trim().toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new SettingError(`${setting} must be true or false, not "${text.trim()}"`);
}
/** One of `allowed`; without a fallback the setting must be given. */
function parseChoice(setting, text, allowed, fallback) {
    if (isUnset(text) && fallback !== undefined)
        return fallback;
    const v = (text ?? '').trim();
    if (allowed.includes(v))
        return v;
    throw new SettingError(`${setting} must be ${orList(allowed)}, not "${v}"`);
}
/** A list separated by commas or newlines (how the action's multi-value inputs are written). */
function parseList(text, fallback) {
    const items = (text ?? '')
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
    return items.length ? items : [...fallback];
}
/** A list whose every item is one of `allowed`; empty means none. */
function parseChoiceList(setting, text, allowed) {
    const items = parseList(text, []);
    for (const item of items) {
        if (!allowed.includes(item))
            throw new SettingError(`${setting}: "${item}" is not one of ${allowed.join(', ')}`);
    }
    return items;
}
const MS_PER_UNIT = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
/** "90s", "30m", "1.5h", "500ms"; a bare number is seconds. → milliseconds. */
function parseDuration(setting, text, fallback) {
    const v = isUnset(text) ? fallback : text.trim();
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v);
    if (!m)
        throw new SettingError(`${setting}: "${v}" is not a duration (e.g. 90s, 30m, 1h)`);
    return Math.round(Number(m[1]) * MS_PER_UNIT[(m[2] ?? 's')]);
}
/**
 * A KubeRay release the planner knows ("1.7", "1.5.1", "v1.6.2"), returned as written so the plan
 * shows it as the user named it; refused here, before any manifest is read.
 */
function parseKubeRayVersion(setting, text, fallback) {
    const v = isUnset(text) ? fallback : text.trim();
    if (!resolveRelease(v))
        throw new SettingError(`${setting}: KubeRay ${v} is not supported (supported: ${supportedVersionsText()})`);
    return v;
}

;// CONCATENATED MODULE: ./src/render-manifests/relocate.ts
/**
 * A plan made from rendered output names lines of that output; where kustomize said where they
 * came from, point them back to the source files instead: the service to the file its RayService
 * was read from, each change to the file and line that set it (the overlay's patch or the base).
 */


function relocatePlan(plan, base, head) {
    return { ...plan, services: plan.services.map((s) => relocateService(s, base, head)) };
}
function relocateService(s, base, head) {
    const side = s.change === 'delete' ? base : head;
    const file = side.origins.get(serviceKey(s)) ?? s.file;
    const changes = s.changes.map((c) => relocateChange(c, file, removed(c) ? base : head));
    return { ...s, file, changes };
}
/** A removal's line is the base's (FieldChange.line). */
const removed = (c) => c.to === null;
function relocateChange(c, serviceFile, side) {
    if (c.line === null)
        return c;
    const at = side.lines.get(c.line);
    const { file: _file, ...rest } = c;
    if (!at)
        return serviceFile === side.renderedName ? rest : { ...rest, file: side.renderedName };
    return at.file === serviceFile ? { ...rest, line: at.line } : { ...rest, line: at.line, file: at.file };
}
/** A refusal that names a rendered line names the source line instead, where known. */
function relocateError(e, sides) {
    if (!(e instanceof InputError) || e.line === undefined)
        return e;
    const side = sides.find((s) => s.renderedName === e.file);
    const at = side?.lines.get(e.line);
    return at ? new InputError(at.file, at.line, e.field, e.problem, e.hint) : e;
}

;// CONCATENATED MODULE: ./src/render-manifests/origins.ts
/**
 * Where a rendered line came from. kustomize says it when asked (`buildMetadata:
 * [originAnnotations, transformerAnnotations]`): `config.kubernetes.io/origin` names the file each
 * object was read from, and `alpha.config.kubernetes.io/transformations` the kustomizations whose
 * patches changed it. A rendered key is traced to the last patch that sets it to the rendered value,
 * else to the origin file when that holds it with the same value; anything else (a namespace set
 * by a transformer, a Helm template) stays a line of the rendered output.
 */



const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';
/**
 * Every YAML document of a text, each with a way to turn offsets into lines; `firstLine` is the
 * file's line of the text's first line (an inline patch inside a kustomization's block scalar).
 */
function locatedDocuments(file, text, firstLine = 1) {
    const lc = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lc });
    if (!Array.isArray(docs))
        return [];
    const lineAt = (o) => lc.linePos(o).line + firstLine - 1;
    return docs.filter((d) => d.errors.length === 0 && d.contents).map((d) => ({ file, root: d.contents, lineAt }));
}
/** The node at `path`, or undefined. */
function nodeAt(root, path) {
    let node = root;
    for (const seg of path) {
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(seg));
            node = pair?.value;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number')
            node = node.items[seg];
        else
            return undefined;
        if (node === undefined || node === null)
            return undefined;
    }
    return node;
}
const jsOf = (n) => (n && 'toJSON' in n ? n.toJSON() : undefined);
const lineOfNode = (l, n) => (n.range ? l.lineAt(n.range[0]) : undefined);
/**
 * Rendered line → source line for one rendered object, given its sources in the order they were
 * applied (the origin first, then patches).
 */
function traceLines(rendered, sources, into) {
    const visit = (node, path, keyLine) => {
        const from = sourceOf(node, path, sources);
        if (from && keyLine !== undefined) {
            const srcKey = keyLineIn(from, path);
            // Visited outside in: a deeper key on the same rendered line (`- image: …` opens a list item) wins.
            if (srcKey !== undefined)
                into.set(keyLine, { file: from.file, line: srcKey });
            if ((0,dist/* isScalar */.jn)(node))
                mapBlockScalar(rendered, node, from, path, into);
        }
        if ((0,dist/* isMap */.jh)(node)) {
            for (const p of node.items) {
                if (!(0,dist/* isPair */.tO)(p) || !(0,dist/* isScalar */.jn)(p.key) || !p.value)
                    continue;
                visit(p.value, [...path, String(p.key.value)], lineOfNode(rendered, p.key));
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            for (const [i, item] of node.items.entries())
                visit(item, [...path, i], lineOfNode(rendered, item));
        }
    };
    visit(rendered.root, [], undefined);
}
/** The last source that holds `path` with the rendered value (a collection: that holds `path`). */
function sourceOf(node, path, sources) {
    const value = jsOf(node);
    for (let i = sources.length - 1; i >= 0; i--) {
        const src = sources[i];
        const there = nodeAt(src.root, path);
        if (!there)
            continue;
        if ((0,dist/* isScalar */.jn)(node) ? (0,external_node_util_namespaceObject.isDeepStrictEqual)(jsOf(there), value) : (0,dist/* isMap */.jh)(there) || (0,dist/* isSeq */.oP)(there))
            return src;
    }
    return undefined;
}
/** The line of the key (or list item) at `path` in a source. */
function keyLineIn(src, path) {
    if (path.length === 0)
        return undefined;
    const parent = nodeAt(src.root, path.slice(0, -1));
    const last = path[path.length - 1];
    if ((0,dist/* isMap */.jh)(parent)) {
        const pair = parent.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(last));
        return pair?.key ? lineOfNode(src, pair.key) : undefined;
    }
    const item = (0,dist/* isSeq */.oP)(parent) && typeof last === 'number' ? parent.items[last] : undefined;
    return item ? lineOfNode(src, item) : undefined;
}
/** The lines inside a block scalar (serveConfigV2) map one to one when both sides hold the same text. */
function mapBlockScalar(rendered, node, from, path, into) {
    const there = nodeAt(from.root, path);
    const isBlock = (n) => (0,dist/* isScalar */.jn)(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED');
    if (!isBlock(node) || !isBlock(there) || !node.range || !there?.range)
        return;
    const start = rendered.lineAt(node.range[0]) + 1;
    const srcStart = from.lineAt(there.range[0]) + 1;
    const lines = String(node.value).split('\n').length;
    for (let k = 0; k < lines; k++)
        if (!into.has(start + k))
            into.set(start + k, { file: from.file, line: srcStart + k });
}
/** The object's own document among a source file's documents: same kind and name. */
function sameObjectIn(docs, kind, name) {
    return docs.find((d) => {
        const v = jsOf(d.root);
        return isPlainObject(v) && v.kind === kind && isPlainObject(v.metadata) && v.metadata.name === name;
    });
}

;// CONCATENATED MODULE: ./src/render-manifests/run.ts
/**
 * Runs a renderer in a tree, bounded: a time limit (the whole process group is killed when it runs
 * out), a cap on what it prints, and an environment without the run's tokens (the renderer runs
 * repository content: a Helm chart's templates, a kustomize plugin, a script). A failure is a
 * refusal quoting the end of the renderer's own words, redacted.
 */



/** The renderer failed, ran too long or printed too much: the plan cannot be made. */
class RenderError extends UserError {
}
const DEFAULT_LIMITS = { timeoutMs: 120_000, maxOutputBytes: 8 * 1024 * 1024 };
const STDERR_KEPT = 4096;
function renderEnv(env) {
    const out = {};
    for (const [k, v] of Object.entries(env)) {
        // The action's inputs (the GitHub token among them) and the runner's own tokens stay out.
        if (k.startsWith('INPUT_') || k.startsWith('ACTIONS_') || isSecretName(k))
            continue;
        out[k] = v;
    }
    return out;
}
/** Runs `command` in `cwd` and returns what it printed on stdout. */
function runRenderer(command, cwd, side, limits = DEFAULT_LIMITS) {
    return new Promise((resolve, reject) => {
        const [program, ...args] = command.argv;
        const child = (0,external_node_child_process_namespaceObject.spawn)(program, args, { cwd, env: renderEnv(process.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        const chunks = [];
        let size = 0;
        let stderr = '';
        let stopped;
        const stop = (why) => {
            stopped ??= why;
            try {
                process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
        };
        const timer = setTimeout(() => stop(`did not finish within ${limits.timeoutMs / 1000} s`), limits.timeoutMs);
        child.stdout.on('data', (d) => {
            size += d.length;
            if (size > limits.maxOutputBytes)
                return stop(`printed more than ${limits.maxOutputBytes / 1024 / 1024} MiB`);
            chunks.push(d);
        });
        child.stderr.setEncoding('utf8').on('data', (d) => {
            stderr = (stderr + d).slice(-STDERR_KEPT);
        });
        const fail = (what) => reject(new RenderError(`--render ${JSON.stringify(command.spec)} in the ${side} tree ${what}${quote(stderr)}`));
        child.on('error', (e) => {
            clearTimeout(timer);
            fail(e.code === 'ENOENT' ? `could not start: ${program} is not installed (or not on the PATH)` : `could not start: ${e.message}`);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (stopped)
                return fail(stopped);
            if (code !== 0)
                return fail(`failed (${signal ? `signal ${signal}` : `exit status ${code}`})`);
            resolve(Buffer.concat(chunks).toString('utf8'));
        });
    });
}
/** The last lines of the renderer's stderr, redacted, on one line (the refusal is one line). */
function quote(stderr) {
    const lines = redactSecrets(stderr).trim().split('\n').slice(-6).join(' ⏎ ').trim();
    return lines ? `: ${lines}` : '';
}

;// CONCATENATED MODULE: ./src/render-manifests/rendered.ts
/**
 * One side of a rendered plan: run the renderer in the tree, read the RayServices it printed, and
 * work out where each rendered line came from (kustomize's origin annotations), so the plan can
 * name source files and lines.
 */









function renderedName(command) {
    return `${command.spec} (rendered)`;
}
async function renderSide(tree, command, options) {
    const name = renderedName(command);
    // An overlay or chart that the base does not have yet (added by this change): nothing ran before.
    if (command.input !== undefined && !(await exists((0,external_node_path_namespaceObject.join)(tree, command.input)))) {
        return { manifests: new Map(), renderedName: name, lines: new Map(), origins: new Map() };
    }
    const text = await runRenderer(command, tree, options.side, options.limits);
    const manifests = manifestsFromTexts([{ file: name, text }], options.defaultNamespace);
    const lines = new Map();
    const origins = new Map();
    for (const rendered of locatedDocuments(name, text)) {
        const object = rendered.root.toJSON();
        if (!isPlainObject(object) || object.kind !== 'RayService' || !isPlainObject(object.metadata))
            continue;
        const sources = await sourcesOf(tree, command.originRoot, object);
        if (sources.length === 0)
            continue;
        traceLines(rendered, sources, lines);
        const id = serviceKey({ namespace: namespaceOf(object.metadata, options.defaultNamespace), name: String(object.metadata.name) });
        origins.set(id, sources[0].file);
    }
    for (const m of manifests.values())
        dropBuildAnnotations(m.object);
    return { manifests, renderedName: name, lines, origins };
}
const exists = (path) => (0,promises_namespaceObject.stat)(path).then(() => true, () => false);
function namespaceOf(metadata, fallback) {
    return typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : fallback;
}
/**
 * The annotations kustomize adds on request say where the object came from; they are not part of
 * what the operator acts on, and differ between revisions, so the planner never sees them.
 */
function dropBuildAnnotations(object) {
    const metadata = object.metadata;
    if (!isPlainObject(metadata) || !isPlainObject(metadata.annotations))
        return;
    delete metadata.annotations[ORIGIN];
    delete metadata.annotations[TRANSFORMATIONS];
    if (Object.keys(metadata.annotations).length === 0)
        delete metadata.annotations;
}
/** The origin document, then the patches of the kustomizations that transformed it, in order. */
async function sourcesOf(tree, originRoot, object) {
    const annotations = isPlainObject(object.metadata) && isPlainObject(object.metadata.annotations) ? object.metadata.annotations : {};
    const origin = yamlField(annotations[ORIGIN]);
    // A remote base (`repo:` in the origin) is not in the tree: its lines stay the rendered output's.
    if (!isPlainObject(origin) || typeof origin.path !== 'string' || origin.repo !== undefined)
        return [];
    const originFile = inTree(tree, (0,external_node_path_namespaceObject.join)(originRoot, origin.path));
    if (!originFile)
        return [];
    const docs = await readLocated(tree, originFile);
    const originDoc = pick(docs, object);
    if (!originDoc)
        return [];
    const originName = originDoc.root.toJSON().metadata.name;
    const patches = [];
    const seen = new Set();
    const steps = yamlField(annotations[TRANSFORMATIONS]);
    for (const step of Array.isArray(steps) ? steps : []) {
        if (!isPlainObject(step) || typeof step.configuredIn !== 'string' || seen.has(step.configuredIn))
            continue;
        if (!isPlainObject(step.configuredBy) || !/Patch/.test(String(step.configuredBy.kind)))
            continue;
        seen.add(step.configuredIn);
        patches.push(...(await patchesIn(tree, (0,external_node_path_namespaceObject.join)(originRoot, step.configuredIn), originName)));
    }
    return [originDoc, ...patches];
}
/**
 * The strategic-merge patches a kustomization lists that name this RayService: patch files
 * (`patches[].path`, `patchesStrategicMerge`) and inline patches (`patches[].patch: |`, whose lines
 * are lines of the kustomization itself).
 */
async function patchesIn(tree, kustomizationPath, name) {
    const file = inTree(tree, kustomizationPath);
    if (!file)
        return [];
    const [doc] = await readLocated(tree, file);
    const k = doc?.root.toJSON();
    if (!doc || !isPlainObject(k))
        return [];
    const out = [];
    const patches = Array.isArray(k.patches) ? k.patches : [];
    const files = [...(Array.isArray(k.patchesStrategicMerge) ? k.patchesStrategicMerge : []), ...patches.map((p) => (isPlainObject(p) ? p.path : undefined))];
    for (const p of files.filter((x) => typeof x === 'string' && /\.ya?ml$/i.test(x))) {
        const patchFile = inTree(tree, (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(file), p));
        const found = patchFile && sameObjectIn(await readLocated(tree, patchFile), 'RayService', name);
        if (found)
            out.push(found);
    }
    for (const [i, p] of patches.entries()) {
        if (!isPlainObject(p) || typeof p.patch !== 'string')
            continue;
        const node = nodeAt(doc.root, ['patches', i, 'patch']);
        if (!(0,dist/* isScalar */.jn)(node) || !node.range || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED'))
            continue;
        const found = sameObjectIn(locatedDocuments(file, p.patch, doc.lineAt(node.range[0]) + 1), 'RayService', name);
        if (found)
            out.push(found);
    }
    return out;
}
function pick(docs, object) {
    const name = isPlainObject(object.metadata) ? String(object.metadata.name) : '';
    const byName = sameObjectIn(docs, 'RayService', name);
    if (byName)
        return byName;
    // A namePrefix or nameSuffix renamed it: the file's only RayService is the one.
    const all = docs.filter((d) => d.root.toJSON()?.kind === 'RayService');
    return all.length === 1 ? all[0] : undefined;
}
/** A path inside the tree, relative to it; undefined when it leads out (a remote base, `..` above the root). */
function inTree(tree, path) {
    const rel = (0,external_node_path_namespaceObject.relative)(tree, (0,external_node_path_namespaceObject.resolve)(tree, (0,external_node_path_namespaceObject.normalize)(path)));
    return rel === '' || rel.startsWith('..') || rel.startsWith(external_node_path_namespaceObject.sep) ? undefined : rel.split(external_node_path_namespaceObject.sep).join('/');
}
/** A source file's documents; none for a file that is missing, not a file, or larger than a manifest may be. */
async function readLocated(tree, file) {
    const size = await (0,promises_namespaceObject.stat)((0,external_node_path_namespaceObject.join)(tree, file))
        .then((st) => (st.isFile() ? st.size : Number.POSITIVE_INFINITY))
        .catch(() => Number.POSITIVE_INFINITY);
    if (size > MAX_FILE_BYTES)
        return [];
    const text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(tree, file), 'utf8').catch(() => undefined);
    return text === undefined ? [] : locatedDocuments(file, text);
}
function yamlField(text) {
    if (typeof text !== 'string')
        return undefined;
    try {
        return (0,dist/* parse */.qg)(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/render-manifests/spec.ts
/**
 * What `--render` (the action's `render` input) names: a shorthand for a renderer or a shell
 * command. Each becomes the program to run in a tree (base or head) and the folder its relative
 * paths start from, so kustomize's origin annotations can be found again in that tree.
 */

/** A `--render` value that names nothing to run. */
class RenderSpecError extends UserError {
}
function parseRenderSpec(spec, programs) {
    const trimmed = spec.trim();
    if (trimmed === '')
        throw new RenderSpecError('--render is empty: give kustomize:<dir>, helm:<chart>[:<values file>…] or a command');
    if (trimmed.startsWith('kustomize:')) {
        const dir = relativePath(trimmed.slice('kustomize:'.length), spec);
        const argv = programs.kustomize === 'kustomize' ? ['kustomize', 'build', dir] : ['kubectl', 'kustomize', dir];
        return { spec: trimmed, argv, originRoot: dir, input: dir };
    }
    if (trimmed.startsWith('helm:')) {
        const [chart, ...values] = trimmed.slice('helm:'.length).split(':');
        const chartPath = relativePath(chart ?? '', spec);
        const argv = ['helm', 'template', chartPath, ...values.flatMap((v) => ['--values', relativePath(v, spec)])];
        return { spec: trimmed, argv, originRoot: '.', input: chartPath };
    }
    return { spec: trimmed, argv: ['sh', '-c', trimmed], originRoot: '.' };
}
/**
 * Paths of the shorthands stay inside the tree: relative, without `..` (the same spec runs in the
 * base and the head tree, and a path out of it would render something that is not under review).
 */
function relativePath(path, spec) {
    const p = path.trim();
    if (p === '' || p.startsWith('/') || p.startsWith('-') || p.split('/').includes('..')) {
        throw new RenderSpecError(`--render ${JSON.stringify(spec)}: "${p}" must be a path relative to the repository root, without ".." or a leading "-"`);
    }
    return p;
}

;// CONCATENATED MODULE: ./src/render-manifests/index.ts
/**
 * Rendered manifests (`plan --render`, the action's `render` input): the same renderer runs in the
 * base tree and in the head tree, and the planner plans what they print. An adapter: it runs
 * processes and reads the trees; the planner below it stays pure.
 */







async function renderBoth(trees, spec, options) {
    const command = parseRenderSpec(spec, findPrograms());
    const common = { defaultNamespace: options.defaultNamespace, ...(options.limits ? { limits: options.limits } : {}) };
    const [base, head] = await Promise.all([
        renderSide(trees.base, command, { ...common, side: 'base' }),
        renderSide(trees.head, command, { ...common, side: 'head' }),
    ]);
    const relocate = (p) => relocatePlan(p, base, head);
    return {
        base,
        head,
        relocate,
        planWith: async (plan) => {
            try {
                return relocate(await plan());
            }
            catch (e) {
                throw relocateError(e, [base, head]);
            }
        },
    };
}
/** `kustomize build` when kustomize is installed, else kubectl's built-in `kubectl kustomize`. */
function findPrograms(path = process.env.PATH ?? '') {
    const onPath = (name) => path.split(external_node_path_namespaceObject.delimiter).some((dir) => {
        try {
            (0,external_node_fs_namespaceObject.accessSync)((0,external_node_path_namespaceObject.join)(dir, name), external_node_fs_namespaceObject.constants.X_OK);
            return dir !== '';
        }
        catch {
            return false;
        }
    });
    return { kustomize: onPath('kustomize') ? 'kustomize' : 'kubectl' };
}

;// CONCATENATED MODULE: ./src/cli/plan-command.ts
/** `rayservice-rollout plan`: the shell around the planner. */













const LIVE_TIMEOUT_DEFAULT = `${LIVE_PLAN_DEADLINE_MS / 1000}s`;
const PLAN_HELP = `Usage: rayservice-rollout plan --base <file|dir> --head <file|dir> [options]

Reads the RayService manifests at base and head (a file, or a folder searched recursively for
.yaml/.yml; multi-document files; other kinds are skipped) and prints, for each RayService, what
the KubeRay operator will do: create, delete, none, app, cluster-inplace, cluster,
cluster-incremental or ignored, with reasons, changed fields and lines, and capacity figures.

Options:
  --base <path>               manifests before the change (required)
  --head <path>               manifests after the change (required)
  --format json|markdown      output format (default: ${DEFAULTS.format})
  --kuberay-version X.Y[.Z]   operator release to predict for (default: ${DEFAULTS.kuberayVersion}; supported: ${supportedVersionsText()})
  --zero-downtime true|false  the operator's ENABLE_ZERO_DOWNTIME (default: ${DEFAULTS.zeroDowntime})
  --incremental-gate on|off   the RayServiceIncrementalUpgrade feature gate (default: the release's default)
  --namespace NS              namespace of manifests that set none (default: ${DEFAULTS.namespace})
  --render SPEC               plan what a renderer prints instead of the files: --base and --head
                              are then the two checkouts (tree roots) it runs in. SPEC is
                              kustomize:<dir> (kustomize build, or kubectl kustomize),
                              helm:<chart>[:<values file>…] (helm template) or a shell command.
                              It runs repository content: only on trees you trust. With
                              kustomize's buildMetadata: [originAnnotations, transformerAnnotations]
                              lines name the source files; else the rendered output
  --live                      also read the cluster (KUBECONFIG, ~/.kube/config or in-cluster):
                              server-side dry run of each head manifest, comparison with the live
                              RayService and its active/pending RayClusters, drift, the running
                              operator's version, and whether the new pods fit on the nodes and
                              in the namespace's ResourceQuota. Read-only (dry runs only); without
                              credentials or when unreachable: the Git-only plan with a note
  --kubeconfig PATH           kubeconfig for --live (default: $KUBECONFIG, ~/.kube/config)
  --context NAME              kubeconfig context for --live
  --timeout DURATION          time limit of the cluster reads of --live, the credential plugin
                              included; when it runs out: the Git-only plan with a note (default: 60s)
  --field-manager NAME        field manager of the dry run, as for apply (default: ${DEFAULTS.fieldManager})
  --force-conflicts           dry-run as the apply will run: taking over fields of other managers
  -h, --help                  this help

Exit status: 0 for any plan, 2 for input it cannot read (the message names file and line) or,
with --live, for manifests the API server refuses (the plan is still printed).
`;
async function runPlan(flags, out = process.stdout, err = process.stderr) {
    if (!flags.base || !flags.head)
        throw new UsageError('plan needs --base and --head (try plan --help)');
    const format = parseChoice('--format', flags.format, ['json', 'markdown'], DEFAULTS.format);
    const kuberayVersion = parseKubeRayVersion('--kuberay-version', flags['kuberay-version'], DEFAULTS.kuberayVersion);
    const zeroDowntime = parseBool('--zero-downtime', flags['zero-downtime'], DEFAULTS.zeroDowntime);
    const gate = flags['incremental-gate'] === undefined ? undefined : parseChoice('--incremental-gate', flags['incremental-gate'], ['on', 'off', 'true', 'false']);
    const namespace = flags.namespace ?? DEFAULTS.namespace;
    const liveTimeoutMs = parseDuration('--timeout', flags.timeout, LIVE_TIMEOUT_DEFAULT);
    const rendered = flags.render ? await renderBoth({ base: flags.base, head: flags.head }, flags.render, { defaultNamespace: namespace }) : undefined;
    const [base, head] = rendered ? [rendered.base.manifests, rendered.head.manifests] : await loadBoth(flags.base, flags.head, namespace);
    const options = {
        kuberayVersion,
        zeroDowntime,
        ...(gate !== undefined ? { incrementalGate: gate === 'on' || gate === 'true' } : {}),
    };
    const planned = () => planOf(base, head, flags, options, liveTimeoutMs);
    const result = rendered ? await rendered.planWith(planned) : await planned();
    // Through the output edge: the plan carries manifest values and, with --live, the cluster's words.
    const [stdout, stderr] = [outputTo(out), outputTo(err)];
    if (format === 'json')
        stdout.json(renderJson(result));
    else
        stdout.text(renderMarkdown(result, { maxLength: Number.MAX_SAFE_INTEGER }));
    for (const note of result.cluster?.mode === 'git-only' ? result.cluster.notes : [])
        stderr.text(`note: ${note}\n`);
    const refusals = dryRunRefusals(result);
    for (const r of refusals)
        stderr.text(`${r}\n`);
    return refusals.length ? 2 : 0;
}
function loadBoth(basePath, headPath, namespace) {
    const cwd = process.cwd();
    return Promise.all([
        loadManifests(basePath, { defaultNamespace: namespace, displayRoot: cwd }),
        loadManifests(headPath, { defaultNamespace: namespace, displayRoot: cwd }),
    ]);
}
async function planOf(base, head, flags, options, liveTimeoutMs) {
    return flags.live
        ? await clusterAwarePlan(base, head, {
            ...options,
            fieldManager: flags['field-manager'] ?? DEFAULTS.fieldManager,
            forceConflicts: flags['force-conflicts'] ?? false,
            connect: {
                ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}),
                ...(flags.context ? { context: flags.context } : {}),
                deadline: new Deadline(liveTimeoutMs, `--timeout ${flags.timeout ?? LIVE_TIMEOUT_DEFAULT}`),
            },
        })
        : plan(base, head, options);
}

;// CONCATENATED MODULE: ./src/rollout/observed.ts
const APP_DONE = 'RUNNING';
/** Deployment states of a healthy application (autoscaling is fine). */
const DEPLOYMENT_OK = new Set(['HEALTHY', 'UPSCALING', 'DOWNSCALING']);
/** States that fail the rollout when they last beyond the grace period. */
const BAD_STATES = new Set(['DEPLOY_FAILED', 'UNHEALTHY']);
/**
 * Container waiting reasons that do not go away by themselves. A long image pull is
 * `ContainerCreating`, not one of these.
 */
const HOPELESS_WAITING = new Set([
    'ErrImagePull',
    'ImagePullBackOff',
    'InvalidImageName',
    'CreateContainerConfigError',
    'CreateContainerError',
    'CrashLoopBackOff',
]);
/** Warning reasons that KubeRay's controllers emit when a reconcile pass fails (utils/constant.go). */
const OPERATOR_WARNINGS = new Set([
    'InvalidRayServiceSpec',
    'InvalidRayServiceMetadata',
    'InvalidRayClusterSpec',
    'InvalidRayClusterMetadata',
    'InvalidRayClusterStatus',
    'FailedToCreateRayCluster',
    'FailedToUpdateRayCluster',
    'FailedToDeleteRayCluster',
    'FailedToUpdateServeApplications',
    'FailedToUpdateHeadPodServeLabel',
    'FailedToUpdateTargetCapacity',
    'FailedToCreateService',
    'FailedToUpdateService',
    'FailedToCreateGateway',
    'FailedToUpdateGateway',
    'FailedToCreateHTTPRoute',
    'FailedToUpdateHTTPRoute',
    'FailedToCreateHeadPod',
    'FailedToCreateWorkerPod',
    'RollbackImpossible',
    'RayServiceInitializingTimeout',
]);
/** The operator rejected the spec itself: nothing changes until the spec does. */
const VALIDATION_WARNINGS = new Set(['InvalidRayServiceSpec', 'InvalidRayServiceMetadata']);
const CLUSTER_VALIDATION_WARNINGS = new Set(['InvalidRayClusterSpec', 'InvalidRayClusterMetadata']);
/** Node autoscalers announce a scale-up for a pending pod with these (cluster-autoscaler, Karpenter). */
const SCALE_UP_EVENTS = new Set(['TriggeredScaleUp', 'Nominated']);
const NO_SCALE_UP_EVENTS = new Set(['NotTriggerScaleUp']);
/** Event timestamps of core/v1 Events have second precision: accept events up to 1 s before the apply. */
const EVENT_SLACK_MS = 1000;
function clusterName(status) {
    const name = status?.rayClusterName;
    return name === undefined || name === '' ? undefined : name;
}
const activeName = (rs) => clusterName(rs.activeServiceStatus);
const pendingName = (rs) => clusterName(rs.pendingServiceStatus);
function condition(rs, type) {
    return rs.conditions?.find((c) => c.type === type);
}
function conditionText(c) {
    const reason = c.reason ? ` (${c.reason})` : '';
    const message = c.message ? `: ${c.message}` : '';
    return `${c.type}=${c.status}${reason}${message}`;
}
/** observedGeneration; a status never written counts as 0. */
const observedGeneration = (rs) => rs.observedGeneration ?? 0;
function apps(status) {
    return Object.entries(status?.applicationStatuses ?? {}).sort(([a], [b]) => a.localeCompare(b));
}
/**
 * Why the applications of one cluster are not all healthy, as clauses; empty when they are:
 * exactly the expected set of applications, each RUNNING, each deployment HEALTHY (or scaling).
 */
function appProblems(status, expected, where) {
    const list = apps(status);
    const problems = [];
    if (list.length === 0 && expected.length > 0)
        return [`no Serve application status on ${where} yet`];
    const names = new Set(list.map(([n]) => n));
    const missing = expected.filter((n) => !names.has(n));
    const extra = [...names].filter((n) => !expected.includes(n));
    if (missing.length > 0)
        problems.push(`Serve applications missing on ${where}: ${missing.join(', ')}`);
    if (extra.length > 0)
        problems.push(`Serve applications not in the new config still present on ${where}: ${extra.join(', ')}`);
    const notRunning = list.filter(([, a]) => a.status !== APP_DONE).map(([n, a]) => `${n} ${a.status}`);
    if (notRunning.length > 0)
        problems.push(`Serve applications not RUNNING on ${where}: ${notRunning.join(', ')}`);
    const sick = list.flatMap(([n, a]) => Object.entries(a.serveDeploymentStatuses ?? {})
        .filter(([, d]) => !DEPLOYMENT_OK.has(d.status))
        .map(([d, s]) => `${n}/${d} ${s.status}`));
    if (sick.length > 0)
        problems.push(`Serve deployments not HEALTHY on ${where}: ${sick.sort().join(', ')}`);
    return problems;
}
function allRunning(status) {
    const list = apps(status);
    return list.length > 0 && list.every(([, a]) => a.status === APP_DONE);
}
/** One line per application: `app1 RUNNING, app2 DEPLOYING`. */
function appsLine(status) {
    return apps(status)
        .map(([n, a]) => `${n} ${a.status}`)
        .join(', ');
}
function podsOf(snap, cluster) {
    if (cluster === undefined)
        return [];
    return (snap.pods ?? []).filter((p) => p.cluster === cluster && p.deleting !== true).sort((a, b) => a.name.localeCompare(b.name));
}
function isUnschedulable(p) {
    return p.scheduled?.status === 'False' && p.scheduled.reason === 'Unschedulable';
}
/** Why a pod is not ready, in a few words. */
function podTrouble(p) {
    if (isUnschedulable(p))
        return `Unschedulable${p.scheduled?.message ? `: ${p.scheduled.message}` : ''}`;
    if (p.waiting)
        return `${p.waiting.reason}${p.waiting.message ? `: ${p.waiting.message}` : ''}`;
    return `${p.phase ?? 'Pending'}, not ready`;
}
function clusterExists(snap, name) {
    return (snap.rayClusters ?? []).some((c) => c.name === name);
}
/** Events seen since the apply (with slack for second-precision timestamps). */
function eventsSince(snap, since) {
    return (snap.events ?? []).filter((e) => e.at >= since - EVENT_SLACK_MS);
}
/** `Reason (involved): message`, one per reason and message, newest first, with repetitions. */
function dedupeWarnings(events, limit = 10) {
    const byKey = new Map();
    for (const e of events) {
        if (e.type !== 'Warning')
            continue;
        const key = `${e.reason}\u0000${e.message}`;
        const seen = byKey.get(key);
        const count = e.count ?? 1;
        if (seen) {
            seen.count += count;
            if (e.at > seen.at)
                Object.assign(seen, { e, at: e.at });
        }
        else
            byKey.set(key, { e, count, at: e.at });
    }
    return [...byKey.values()]
        .sort((a, b) => b.at - a.at)
        .slice(0, limit)
        .map(({ e, count }) => `${e.reason}${e.involved ? ` (${e.involved})` : ''}: ${e.message}${count > 1 ? ` (×${count})` : ''}`);
}
/** A compact fingerprint of what the operator writes, to notice status changes. */
function statusFingerprint(rs) {
    return JSON.stringify([rs.observedGeneration, rs.conditions, rs.activeServiceStatus, rs.pendingServiceStatus, rs.numServeEndpoints]);
}
/** `12.3s`, `4m12s`, `1h02m`. */
function formatDuration(ms) {
    const s = Math.max(0, ms) / 1000;
    if (s < 60)
        return `${s.toFixed(1)}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
    return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

;// CONCATENATED MODULE: ./src/rollout/predicates.ts
/**
 * The completion predicates, one per kind of rollout, written as the list of clauses that do
 * not hold yet: done ⇔ the list is empty, and on a timeout the list is the diagnosis' "missing".
 *
 * G = the applied generation, A = the active cluster before the apply, P = the pending cluster.
 */

/** The clauses of the completion predicate of the state's kind that do not hold at `now`. */
function unmet(state, now) {
    const { kind, target, memory, last: snap } = state;
    if (kind === 'nothing')
        return [];
    if (kind === 'delete')
        return deletionClauses(snap);
    const rs = snap?.rayService;
    if (snap === undefined || rs === undefined)
        return ['no status of the RayService observed yet'];
    if (rs === null)
        return ['the RayService does not exist'];
    const missing = generationClause(rs, target);
    if (kind === 'new-cluster')
        missing.push(...newClusterClauses(state, snap, rs));
    else
        missing.push(...inPlaceClauses(kind, target, snap, rs));
    missing.push(...readyClause(rs));
    if ((kind === 'app' || kind === 'inplace') && !settled(state, now)) {
        missing.push(memory.firstObservedAt === undefined
            ? 'the Serve status has not been observed at the new generation yet'
            : 'the Serve status has not settled yet (the first status after a Serve change can still show the old applications)');
    }
    return missing;
}
/** A deletion is done when the RayService is gone (its finalizer waits for the RayClusters). */
function deletionClauses(snap) {
    const rs = snap?.rayService;
    if (rs === null)
        return [];
    if (rs === undefined)
        return ['the RayService has not been observed yet'];
    const left = (snap?.rayClusters ?? []).map((c) => c.name);
    return [
        rs.deleting
            ? `the RayService is being deleted: its finalizer waits for ${left.length > 0 ? `RayClusters ${left.join(', ')}` : 'its RayClusters'} to go`
            : 'the RayService still exists',
    ];
}
/**
 * The operator reads the Serve status before it submits a new config, so the first status written
 * at generation G can show the old applications RUNNING. It is trusted after the settle window
 * (a few 2 s reconcile passes) or once the status changed after an UpdatedServeApplications event.
 */
function settled({ target, memory }, now) {
    if (memory.firstObservedAt === undefined)
        return false;
    return memory.settledByEvent || now - memory.firstObservedAt >= target.settleMs;
}
function generationClause(rs, target) {
    const observed = observedGeneration(rs);
    return observed >= target.generation
        ? []
        : [`the operator has not observed generation ${target.generation} yet (status.observedGeneration ${rs.observedGeneration ?? 'unset'})`];
}
function readyClause(rs) {
    const ready = condition(rs, 'Ready');
    if (ready?.status === 'True')
        return [];
    return [ready ? `not ready: ${conditionText(ready)}` : 'no Ready condition yet'];
}
function newClusterClauses({ target, memory }, snap, rs) {
    const A = target.activeBefore;
    const active = activeName(rs);
    const pending = pendingName(rs);
    const out = [];
    const switched = active !== undefined && active !== A && !memory.abandoned.includes(active);
    if (!switched) {
        out.push(A === undefined
            ? `no active cluster yet${active ? ` (${active} was replaced)` : ''}`
            : `traffic not switched: the active cluster is still ${active ?? 'none'}`);
        if (pending !== undefined) {
            out.push(...clusterPodClauses(snap, pending, 'pending cluster'));
            out.push(...appProblems(rs.pendingServiceStatus, target.serveApps, `pending cluster ${pending}`));
        }
        else if (observedGeneration(rs) >= target.generation) {
            out.push('no pending cluster: the operator has not prepared a new cluster');
        }
    }
    else {
        if (pending !== undefined)
            out.push(`a pending cluster ${pending} is still listed`);
        out.push(...appProblems(rs.activeServiceStatus, target.serveApps, `active cluster ${active}`));
    }
    const upgrading = condition(rs, 'UpgradeInProgress');
    if (upgrading?.status === 'True')
        out.push(`still upgrading: ${conditionText(upgrading)}`);
    if (target.waitForOldClusterDeletion && A !== undefined && switched && snap.rayClusters !== undefined && clusterExists(snap, A)) {
        out.push(`the old cluster ${A} is not deleted yet`);
    }
    return out;
}
function inPlaceClauses(kind, target, snap, rs) {
    const A = target.activeBefore;
    const active = activeName(rs);
    const pending = pendingName(rs);
    const out = [];
    if (pending !== undefined)
        out.push(`a pending cluster ${pending} exists`);
    if (active !== A)
        out.push(`the active cluster is ${active ?? 'none'}, not ${A ?? 'none'}`);
    if (kind === 'inplace' && A !== undefined) {
        out.push(...clusterPodClauses(snap, A, 'cluster'));
        const rc = (snap.rayClusters ?? []).find((c) => c.name === A);
        if (rc && rc.generation !== undefined && rc.observedGeneration !== undefined && rc.observedGeneration < rc.generation) {
            out.push(`RayCluster ${A} has not observed its updated spec yet (generation ${rc.generation}, observed ${rc.observedGeneration})`);
        }
        else if (rc?.desiredWorkerReplicas !== undefined && rc.readyWorkerReplicas !== undefined && rc.readyWorkerReplicas < rc.desiredWorkerReplicas) {
            out.push(`RayCluster ${A}: ${rc.readyWorkerReplicas}/${rc.desiredWorkerReplicas} desired workers ready`);
        }
    }
    if (active !== undefined)
        out.push(...appProblems(rs.activeServiceStatus, target.serveApps, `cluster ${active}`));
    return out;
}
/** Head and worker pods of one cluster, as far as the snapshot lists pods. */
function clusterPodClauses(snap, cluster, what) {
    if (snap.pods === undefined) {
        const rc = (snap.rayClusters ?? []).find((c) => c.name === cluster);
        return rc?.headReady === false ? [`${what} ${cluster}: head pod not ready (RayCluster HeadPodReady is not True)`] : [];
    }
    const pods = podsOf(snap, cluster);
    const head = pods.find((p) => p.nodeType === 'head');
    const out = [];
    if (!head)
        out.push(`${what} ${cluster}: no head pod yet`);
    else if (!head.ready)
        out.push(`${what} ${cluster}: head pod ${head.name} not ready (${podTrouble(head)})`);
    const workers = pods.filter((p) => p.nodeType === 'worker');
    const notReady = workers.filter((p) => !p.ready);
    if (notReady.length > 0) {
        // Group by trouble: a hundred workers waiting for the same GPUs make one clause.
        const byTrouble = new Map();
        for (const p of notReady)
            byTrouble.set(podTrouble(p), [...(byTrouble.get(podTrouble(p)) ?? []), p.name]);
        const why = [...byTrouble].map(([trouble, names]) => `${names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')}: ${trouble}`);
        out.push(`${what} ${cluster}: ${workers.length - notReady.length}/${workers.length} workers ready (${why.join('; ')})`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rollout/judge.ts
/**
 * Failure rules: when to stop waiting before the deadline because the rollout cannot end well.
 *
 * Each rule waits for evidence that belongs to this apply (generation G, events since the apply,
 * states that lasted a grace period), because the first statuses after an apply can still describe
 * the previous spec. The operator itself never gives up on a pending cluster (no upgrade timeout,
 * no rollback in NewCluster mode), so the watcher owns the decision.
 */


const HINT_NO_UPGRADE_TIMEOUT = (pending, active) => `The operator has no upgrade timeout and no rollback in NewCluster mode: the pending cluster ${pending} stays${active ? ` next to ${active}` : ''}, holding its resources, until you fix or revert the spec (under NewCluster a revert builds yet another cluster); consider --on-failure rollback.`;
/** The cluster whose applications and pods decide the rollout, and its Serve status. */
function targetOf({ kind, target, memory }, rs) {
    if (kind === 'new-cluster') {
        const pending = pendingName(rs);
        if (pending !== undefined)
            return { cluster: pending, status: rs.pendingServiceStatus };
        const active = activeName(rs);
        if (active !== undefined && active !== target.activeBefore && !memory.abandoned.includes(active))
            return { cluster: active, status: rs.activeServiceStatus };
        return {};
    }
    if (kind === 'app' || kind === 'inplace')
        return { cluster: target.activeBefore, status: rs.activeServiceStatus };
    return {};
}
/** Bad application and deployment states on the target cluster, keyed for the grace clock. */
function badStates(state, rs) {
    const out = new Map();
    if (observedGeneration(rs) < state.target.generation)
        return out; // still the previous spec's picture
    const { cluster, status } = targetOf(state, rs);
    for (const [name, app] of apps(status)) {
        if (BAD_STATES.has(app.status))
            out.set(`${cluster}/${name}:${app.status}`, `application ${name} on ${cluster} is ${app.status}${app.message ? `: ${app.message}` : ''}`);
        for (const [d, s] of Object.entries(app.serveDeploymentStatuses ?? {})) {
            if (BAD_STATES.has(s.status))
                out.set(`${cluster}/${name}/${d}:${s.status}`, `deployment ${name}/${d} on ${cluster} is ${s.status}${s.message ? `: ${s.message}` : ''}`);
        }
    }
    return out;
}
/** Pods of the target cluster that are unschedulable or stuck in a waiting state that does not heal. */
function stuckPods(state, snap) {
    const out = new Map();
    const rs = snap.rayService;
    if (!rs)
        return out;
    const { cluster } = targetOf(state, rs);
    for (const p of podsOf(snap, cluster)) {
        if (p.ready)
            continue;
        if (isUnschedulable(p))
            out.set(`${p.name}:Unschedulable`, `${p.scheduled?.message ?? 'no node fits'}`);
        else if (p.waiting && HOPELESS_WAITING.has(p.waiting.reason))
            out.set(`${p.name}:${p.waiting.reason}`, p.waiting.message ?? '');
    }
    return out;
}
/** Carry the "since" of states still present; drop the others. */
function refresh(previous, now, at) {
    const next = {};
    for (const [key, text] of now)
        next[key] = { since: previous[key]?.since ?? at, text };
    return next;
}
/** The rules in the order they are tried: the first that holds names the failure. */
const FAILURE_RULES = [
    initializingTimeout,
    specRejected,
    clusterRejected,
    outage,
    badForTooLong,
    stuckFailure,
    frozenStatus,
    noNewCluster,
];
/** Why the rollout cannot end well, judged from the state's last snapshot; undefined while it still can. */
function failure(state, now) {
    const { kind, target, last: snap } = state;
    if (kind === 'nothing' || kind === 'delete' || snap === undefined)
        return undefined;
    const rs = snap.rayService;
    if (rs === undefined)
        return undefined;
    if (rs === null)
        return { summary: 'the RayService was deleted while the rollout was being watched', hints: [] };
    const evidence = {
        state,
        snap,
        rs,
        now,
        ready: condition(rs, 'Ready'),
        recent: eventsSince(snap, target.startedAt),
        behind: observedGeneration(rs) < target.generation,
        cluster: targetOf(state, rs).cluster,
    };
    for (const rule of FAILURE_RULES) {
        const failed = rule(evidence);
        if (failed)
            return failed;
    }
    return undefined;
}
function initializingTimeout({ ready }) {
    if (ready?.status !== 'False' || ready.reason !== 'InitializingTimeout')
        return undefined;
    return {
        summary: `the RayService did not become ready within its initializing timeout: ${ready.message ?? 'InitializingTimeout'}`,
        hints: [
            'InitializingTimeout is terminal: KubeRay deletes the clusters and never retries. Fix the cause, then delete and re-create the RayService (the annotation ray.io/initializing-timeout sets the limit).',
        ],
    };
}
/** The operator validates before anything else; a rejected spec leaves observedGeneration behind. */
function specRejected({ behind, recent }) {
    if (!behind)
        return undefined;
    const rejected = recent.filter((e) => e.type === 'Warning' && VALIDATION_WARNINGS.has(e.reason));
    const last = rejected[rejected.length - 1];
    if (!last)
        return undefined;
    return {
        summary: `the operator rejected the spec (${last.reason}): ${last.message}`,
        hints: ['Nothing happens until the spec changes: fix it and apply again. The running cluster is untouched.'],
    };
}
function clusterRejected({ state, rs, recent, cluster }) {
    const rejected = recent.find((e) => e.type === 'Warning' && CLUSTER_VALIDATION_WARNINGS.has(e.reason) && (e.involved === undefined || e.involved === cluster));
    if (!rejected || cluster === undefined)
        return undefined;
    return {
        summary: `the RayCluster controller rejected ${cluster} (${rejected.reason}): ${rejected.message}`,
        hints: [
            'The cluster gets no pods until the spec changes. A RayService must not set rayClusterConfig.upgradeStrategy (KubeRay 1.6+ rejects the clusters it creates).',
            ...(state.kind === 'new-cluster' ? [HINT_NO_UPGRADE_TIMEOUT(cluster, activeName(rs))] : []),
        ],
    };
}
/** Ready=False/ZeroServeEndpoints is only written when Ready was True before: an outage. */
function outage({ state, ready }) {
    if (ready?.status !== 'False' || ready.reason !== 'ZeroServeEndpoints')
        return undefined;
    if (!state.memory.seenReady && (ready.lastTransitionTime ?? 0) < state.target.startedAt)
        return undefined;
    return {
        summary: `outage: the RayService lost all its serve endpoints during the rollout (Ready=False, ZeroServeEndpoints${ready.message ? `: ${ready.message}` : ''})`,
        hints: [
            'The serve Service has no ready endpoints: check that the serving pods are ready and carry the label ray.io/serve=true (the operator sets it when the Serve proxy is healthy).',
        ],
    };
}
/** An application or deployment DEPLOY_FAILED or UNHEALTHY for longer than the grace period. */
function badForTooLong({ state, now }) {
    const { kind, target, memory } = state;
    for (const s of Object.values(memory.bad)) {
        if (now - s.since >= target.graceMs && (kind === 'new-cluster' || settled(state, now))) {
            return {
                summary: `${s.text} (for ${formatDuration(now - s.since)})`,
                hints: [
                    'Read the Serve logs: `serve status` on the head pod, or the Serve page of the Ray dashboard; the import path, runtime_env and resources of the new config are the usual suspects.',
                ],
            };
        }
    }
    return undefined;
}
/** The status stayed below generation G past its grace period, and the operator says why. */
function frozenStatus({ state, rs, now, ready, recent, behind }) {
    const { target } = state;
    if (!behind || now - target.startedAt < target.frozenGraceMs)
        return undefined;
    const complaints = recent.filter((e) => e.type === 'Warning' && OPERATOR_WARNINGS.has(e.reason));
    const validation = ready?.status === 'False' && ready.reason === 'ValidationFailed' ? ready : undefined;
    if (complaints.length === 0 && !validation)
        return undefined;
    const what = validation
        ? `ValidationFailed: ${validation.message ?? ''}`
        : [...new Set(complaints.map((e) => `${e.reason}: ${e.message}`))].slice(-3).join('; ');
    return {
        summary: `the status is frozen at observedGeneration ${rs.observedGeneration ?? 'unset'} < ${target.generation} for ${formatDuration(now - target.startedAt)}; the operator reports ${what}`,
        hints: ['An error early in a reconcile pass freezes the whole RayService status; the Warning events name it.'],
    };
}
/** Planned a new cluster, but the operator kept the old one: the change is not being applied. */
function noNewCluster({ state, rs, now, behind }) {
    const { kind, target, memory } = state;
    const keptOld = kind === 'new-cluster' &&
        target.activeBefore !== undefined &&
        !memory.everPending &&
        !behind &&
        pendingName(rs) === undefined &&
        activeName(rs) === target.activeBefore &&
        memory.firstObservedAt !== undefined &&
        now - memory.firstObservedAt >= target.settleMs;
    if (!keptOld)
        return undefined;
    return {
        summary: `the operator did not prepare a new cluster for this cluster-level change: ${target.activeBefore} stays active with its old spec`,
        hints: [
            'Zero-downtime upgrade looks disabled: the operator runs with ENABLE_ZERO_DOWNTIME=false and the RayService sets no spec.upgradeStrategy.type, or the type is None, or NewClusterWithIncrementalUpgrade without its feature gate. Plan with the operator’s real settings (--zero-downtime, --kuberay-version).',
            'Or the operator was just upgraded: its first reconcile then applies a pending cluster change to the active cluster in place.',
        ],
    };
}
/** A pod that blocks the rollout stayed unschedulable or stuck past its grace period. */
function stuckFailure({ state, snap, rs, now }) {
    const { kind, target, memory } = state;
    const { cluster, status } = targetOf(state, rs);
    const pods = new Map(podsOf(snap, cluster).map((p) => [p.name, p]));
    // Worker pods only block when the applications wait for them (or when the change is the workers).
    const appsWaiting = !allRunning(status);
    for (const [key, s] of Object.entries(memory.stuck)) {
        if (now - s.since < target.stuckGraceMs)
            continue;
        const [podName = '', reason = ''] = splitKey(key);
        const pod = pods.get(podName);
        if (!pod)
            continue;
        const blocking = pod.nodeType === 'head' || kind === 'inplace' || appsWaiting;
        if (!blocking)
            continue;
        const stuck = { pod, cluster, reason, since: s, rs };
        if (reason !== 'Unschedulable')
            return stuckWaiting(state, stuck, now);
        const autoscaler = lastAutoscalerEvent(snap, podName);
        if (autoscaler && SCALE_UP_EVENTS.has(autoscaler.reason))
            continue; // a node is coming: wait for the deadline
        return unschedulable(state, stuck, autoscaler, now);
    }
    return undefined;
}
function unschedulable(state, { pod, cluster, since, rs }, autoscaler, now) {
    const { kind, target } = state;
    return {
        summary: `${describePod(pod, cluster)} cannot be scheduled (for ${formatDuration(now - since.since)}): ${since.text}${autoscaler ? `; ${autoscaler.reason}: ${autoscaler.message}` : ''}`,
        hints: [
            kind === 'new-cluster' && target.activeBefore !== undefined
                ? `A blue/green upgrade runs the old cluster ${target.activeBefore} and the new cluster ${cluster} side by side (the old one until 60 s after the switch): the nodes need room for both. Add capacity (or let a node autoscaler add it), free some, or shrink the new cluster.`
                : 'The nodes lack room for this pod: add capacity, free some, or lower its requests.',
            ...pendingClusterHint(state, cluster, rs),
        ],
    };
}
function stuckWaiting(state, { pod, cluster, reason, since, rs }, now) {
    return {
        summary: `${describePod(pod, cluster)} is stuck in ${reason} (for ${formatDuration(now - since.since)})${since.text ? `: ${since.text}` : ''}`,
        hints: [
            reason === 'CrashLoopBackOff'
                ? `Its container keeps crashing: kubectl -n ${state.target.namespace} logs ${pod.name} --previous`
                : reason === 'CreateContainerConfigError' || reason === 'CreateContainerError'
                    ? 'A Secret, ConfigMap or key that the pod refers to is missing, or the container config is invalid.'
                    : 'Check the image name and tag, and the imagePullSecrets of the pod template.',
            ...pendingClusterHint(state, cluster, rs),
        ],
    };
}
/** The no-upgrade-timeout hint, when the stuck pod belongs to a pending cluster next to the old one. */
function pendingClusterHint({ kind, target }, cluster, rs) {
    return kind === 'new-cluster' && target.activeBefore !== undefined && cluster !== undefined && pendingName(rs) === cluster
        ? [HINT_NO_UPGRADE_TIMEOUT(cluster, target.activeBefore)]
        : [];
}
function splitKey(key) {
    const i = key.lastIndexOf(':');
    return [key.slice(0, i), key.slice(i + 1)];
}
function describePod(pod, cluster) {
    return `${pod.nodeType ?? 'pod'}${pod.nodeType ? ' pod' : ''} ${pod.name}${cluster ? ` of ${cluster}` : ''}`;
}
/** The latest scale-up decision a node autoscaler announced for this pod, if any. */
function lastAutoscalerEvent(snap, pod) {
    return (snap.events ?? [])
        .filter((e) => e.involved === pod && (SCALE_UP_EVENTS.has(e.reason) || NO_SCALE_UP_EVENTS.has(e.reason)))
        .sort((a, b) => a.at - b.at)
        .pop();
}

;// CONCATENATED MODULE: ./src/rollout/diagnosis.ts
/**
 * What to tell a user whose rollout failed or timed out: which clauses of the completion predicate
 * do not hold, the conditions, the applications and deployments that are not fine, the pods that
 * are not ready and why, the Warning events since the apply, a frozen-status note, and hints that
 * say what to do next.
 */


const MAX_PODS = 20;
function diagnose(state, now, missing, failureHints = []) {
    const { target, memory, last: snap } = state;
    const hints = new Set(failureHints);
    if (!snap || snap.rayService === undefined) {
        hints.add('No observation of the RayService arrived: check that the watcher can read RayServices in this namespace.');
        return { missing, conditions: [], apps: [], pendingPods: [], warnings: [], hints: [...hints] };
    }
    const rs = snap.rayService;
    const recent = eventsSince(snap, target.startedAt);
    const { lines: appLines, clusters } = appsOf(rs);
    // Pods of the pending cluster tracked and of the old one matter even when the status no longer names them.
    for (const c of [memory.pending, target.activeBefore])
        if (c !== undefined && !clusters.includes(c))
            clusters.push(c);
    const frozenStatus = rs ? frozen(state, rs, recent, now, hints) : undefined;
    if (rs && state.kind === 'new-cluster')
        addBlueGreenHints(state, rs, snap, hints);
    return {
        missing,
        conditions: (rs?.conditions ?? []).map(conditionText),
        apps: appLines,
        pendingPods: pendingPods(snap, clusters),
        warnings: dedupeWarnings(recent),
        ...(frozenStatus ? { frozenStatus } : {}),
        hints: [...hints],
    };
}
/** Applications and deployments that are not fine, on the active and the pending cluster, and those clusters. */
function appsOf(rs) {
    const lines = [];
    const clusters = [];
    for (const [role, status] of [
        ['active', rs?.activeServiceStatus],
        ['pending', rs?.pendingServiceStatus],
    ]) {
        const cluster = status?.rayClusterName;
        if (!cluster)
            continue;
        clusters.push(cluster);
        for (const [name, app] of apps(status)) {
            if (app.status !== APP_DONE || app.message)
                lines.push(`${cluster} (${role}) ${name}: ${app.status}${app.message ? ` — ${app.message}` : ''}`);
            for (const [d, s] of Object.entries(app.serveDeploymentStatuses ?? {})) {
                if (!DEPLOYMENT_OK.has(s.status))
                    lines.push(`${cluster} (${role}) ${name}/${d}: ${s.status}${s.message ? ` — ${s.message}` : ''}`);
            }
        }
    }
    return { lines, clusters };
}
/** Pods of these clusters that are not ready, and why; at most MAX_PODS of them. */
function pendingPods(snap, clusters) {
    const out = [];
    for (const cluster of clusters) {
        for (const p of podsOf(snap, cluster)) {
            if (!p.ready)
                out.push(`${p.name} (${p.nodeType ?? 'pod'} of ${cluster}): ${podTrouble(p)}`);
        }
    }
    if (out.length > MAX_PODS)
        out.splice(MAX_PODS, out.length - MAX_PODS, `… and ${out.length - MAX_PODS} more`);
    return out;
}
/** The frozen-status note when observedGeneration is behind, and a hint when no operator Warning explains it. */
function frozen({ target }, rs, recent, now, hints) {
    if (observedGeneration(rs) >= target.generation)
        return undefined;
    if (!recent.some((e) => e.type === 'Warning' && OPERATOR_WARNINGS.has(e.reason))) {
        hints.add(`No operator Warning event explains it: is the KubeRay operator running, and does it watch namespace ${target.namespace}?`);
    }
    return `status.observedGeneration is ${rs.observedGeneration ?? 'unset'}, below the applied generation ${target.generation}, ${formatDuration(now - target.startedAt)} after the apply: the operator has not completed a reconcile pass of the new spec (an error early in a pass freezes the whole status, observedGeneration included).`;
}
/** A pending cluster: room for both clusters, and no upgrade timeout (unless a failure hint said so already). */
function addBlueGreenHints({ target }, rs, snap, hints) {
    const pending = pendingName(rs);
    if (pending === undefined)
        return;
    if (podsOf(snap, pending).some(isUnschedulable) && target.activeBefore !== undefined && ![...hints].some((h) => h.includes('side by side'))) {
        hints.add(`Pods of ${pending} cannot be scheduled: a blue/green upgrade needs the old cluster ${target.activeBefore} and the new one side by side (the old one until 60 s after the switch).`);
    }
    if (![...hints].some((h) => h.startsWith('The operator has no upgrade timeout')))
        hints.add(HINT_NO_UPGRADE_TIMEOUT(pending, activeName(rs)));
}

;// CONCATENATED MODULE: ./src/rollout/progress.ts
/**
 * Following one observation: update what the watcher remembers (the pending cluster P and its
 * replacements, the switch, grace clocks, the settle evidence) and say what changed, one line per
 * meaningful transition. A topic is only reported when its value changes, so a steady stream of
 * identical snapshots prints nothing.
 */


const MAX_MESSAGE = 300;
const clip = (s) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s);
function initialMemory(target) {
    return {
        abandoned: [],
        everPending: false,
        seenReady: false,
        settledByEvent: false,
        oldClusterSeen: false,
        bad: {},
        stuck: {},
        // The switch is reported against the cluster that was active before the apply.
        marks: { active: target.activeBefore ?? '' },
    };
}
/**
 * The state after one observation: memory updated, the snapshot kept as `last`, and the kind of
 * rollout switched to 'new-cluster' when the operator builds one where the plan expected an in-place
 * change. Lines go to `say`; the timeline is the caller's.
 */
function track(previous, snap, say) {
    const memory = structuredClone(previous.memory);
    const mark = (topic, value, text, warning) => {
        if (memory.marks[topic] === value)
            return;
        memory.marks[topic] = value;
        if (text !== undefined)
            say(text, warning);
    };
    const first = previous.last === undefined;
    let t = { state: { ...previous, memory, last: snap }, snap, first, say, mark };
    trackWarnings(t);
    const rs = snap.rayService;
    if (previous.kind === 'delete')
        trackDeletion(t);
    else if (!rs)
        trackClusters(t);
    else {
        const kind = followOperator(t, rs);
        if (kind !== previous.kind)
            t = { ...t, state: { ...t.state, kind } };
        trackGeneration(t, rs);
        trackPending(t, rs);
        trackUpgrade(t, rs);
        trackSwitch(t, rs);
        trackReady(t, rs);
        trackServeUpdate(t);
        trackTarget(t);
        trackClusters(t);
    }
    return t.state;
}
function trackDeletion(t) {
    const rs = t.snap.rayService;
    trackClusters(t);
    if (rs === null)
        t.mark('deleted', 'yes', 'RayService deleted');
    else if (rs?.deleting)
        t.mark('deleting', 'yes', 'RayService deletion started: its finalizer waits for the RayClusters to go');
}
/** The kind to watch from now on: a new cluster where an in-place change was expected is followed. */
function followOperator({ state, say }, rs) {
    const { kind, target } = state;
    const A = target.activeBefore;
    const active = activeName(rs);
    const pending = pendingName(rs);
    if ((kind === 'app' || kind === 'inplace') && ((pending !== undefined && pending !== A) || (active !== undefined && active !== A))) {
        say(`a new cluster ${pending ?? active} appeared (the plan expected an in-place ${kind === 'app' ? 'Serve update' : 'cluster update'}): following it`, true);
        return 'new-cluster';
    }
    return kind;
}
function trackGeneration({ state, snap, say, mark }, rs) {
    const { target, memory } = state;
    if (observedGeneration(rs) >= target.generation && memory.firstObservedAt === undefined) {
        memory.firstObservedAt = snap.at;
        say(`operator observed generation ${target.generation}`);
    }
    if (rs.generation > target.generation)
        mark('newer', String(rs.generation), `generation ${rs.generation} appeared after the apply (KubeRay rewrites the spec when it adds its finalizer, or someone applied again): the rollout waits for that one`, true);
}
/** A pending cluster appearing, or replaced by a newer one (P → P′). */
function trackPending({ state, say }, rs) {
    const { target, memory } = state;
    const active = activeName(rs);
    const pending = pendingName(rs);
    if (pending === undefined || pending === target.activeBefore || pending === memory.pending)
        return;
    const previous = memory.pending;
    if (previous !== undefined && previous !== active) {
        memory.abandoned.push(previous);
        say(`pending cluster changed ${previous} → ${pending} (the spec changed again; ${previous} will be deleted)`, true);
    }
    else
        say(`pending cluster ${pending} created`);
    memory.pending = pending;
    memory.everPending = true;
}
/** The UpgradeInProgress and RollbackInProgress conditions, and the traffic of an incremental upgrade. */
function trackUpgrade({ mark }, rs) {
    const active = activeName(rs);
    const pending = pendingName(rs);
    if (condition(rs, 'UpgradeInProgress')?.status === 'True')
        mark('upgrading', 'True', 'upgrade in progress: both clusters exist');
    else
        mark('upgrading', 'other');
    if (condition(rs, 'RollbackInProgress')?.status === 'True')
        mark('rollback', 'True', `the operator is rolling back to ${active ?? 'the active cluster'} (RollbackInProgress)`, true);
    else
        mark('rollback', 'other');
    if (pending !== undefined && (rs.pendingServiceStatus?.trafficRoutedPercent !== undefined || rs.pendingServiceStatus?.targetCapacity !== undefined)) {
        const traffic = rs.pendingServiceStatus?.trafficRoutedPercent;
        const capacity = rs.pendingServiceStatus?.targetCapacity;
        mark('traffic', `${pending}:${traffic}:${capacity}`, `traffic to ${pending}: ${traffic ?? 0}% (target capacity ${capacity ?? 0}%)`);
    }
}
/** A new active cluster: the traffic switch of a blue/green rollout. */
function trackSwitch({ state, snap, say }, rs) {
    const { kind, target, memory } = state;
    const A = target.activeBefore;
    const active = activeName(rs);
    if (active === undefined || memory.marks.active === active)
        return;
    memory.marks.active = active;
    if (kind === 'new-cluster' && active !== A && !memory.abandoned.includes(active)) {
        memory.switchedTo = active;
        memory.switchedAt = snap.at;
        say(A === undefined ? `cluster ${active} is active` : `traffic switched to ${active}`);
    }
}
function trackReady({ state, first, mark }, rs) {
    const { memory } = state;
    const ready = condition(rs, 'Ready');
    if (ready?.status === 'True')
        memory.seenReady = true;
    const readyValue = ready ? `${ready.status}/${ready.reason ?? ''}` : 'none';
    if (first && ready?.status === 'True')
        memory.marks.ready = readyValue; // business as usual: no line
    else if (ready)
        mark('ready', readyValue, ready.status === 'True' ? `Ready (${ready.reason ?? 'True'})` : `not ready: ${conditionText(ready)}`, ready.reason === 'ZeroServeEndpoints');
}
/** RayClusters appearing as deleted (the old one after the switch, abandoned pending ones). */
function trackClusters({ state, snap, say, mark }) {
    if (snap.rayClusters === undefined)
        return;
    const { kind, target, memory } = state;
    const present = new Set(snap.rayClusters.map((c) => c.name));
    const A = target.activeBefore;
    for (const c of snap.rayClusters) {
        if (c.name === A)
            memory.oldClusterSeen = true;
        mark(`rc:${c.name}`, c.deleting ? 'deleting' : 'present', c.deleting && c.name === A && kind === 'new-cluster' ? `old cluster ${A} deleting` : undefined);
    }
    for (const [topic, value] of Object.entries(memory.marks)) {
        if (!topic.startsWith('rc:') || value === 'gone')
            continue;
        const name = topic.slice(3);
        if (present.has(name))
            continue;
        memory.marks[topic] = 'gone';
        if (name === A) {
            memory.oldClusterGoneAt = snap.at;
            say(kind === 'new-cluster' ? `old cluster ${name} deleted` : `RayCluster ${name} deleted`);
        }
        else
            say(`RayCluster ${name} deleted`);
    }
    // The old cluster may be gone before the watcher ever saw it listed.
    if (A !== undefined && !present.has(A) && memory.oldClusterGoneAt === undefined && memory.switchedTo !== undefined && !memory.oldClusterSeen) {
        memory.oldClusterGoneAt = snap.at;
        say(`old cluster ${A} deleted`);
    }
}
function trackWarnings({ state, snap, mark }) {
    for (const e of eventsSince(snap, state.target.startedAt)) {
        if (e.type === 'Warning')
            mark(`ev:${e.reason}:${e.message}`, 'seen', `warning ${e.reason}${e.involved ? ` (${e.involved})` : ''}: ${clip(e.message)}`, true);
        else if (e.reason === 'UpdatedServeApplications')
            mark(`ev:${e.reason}:${e.message}`, 'seen', clip(e.message));
    }
}
/**
 * The settle evidence: an UpdatedServeApplications event seen together with a status of generation
 * G (written by the pass that submitted, from the Serve status read before submitting), then any
 * status change after it: that later status was read after the submission.
 */
function trackServeUpdate({ state, snap }) {
    const { target, memory } = state;
    const rs = snap.rayService;
    if (!rs || observedGeneration(rs) < target.generation)
        return;
    if (memory.serveUpdateSeenAt === undefined) {
        const submitted = eventsSince(snap, target.startedAt).some((e) => e.type === 'Normal' && e.reason === 'UpdatedServeApplications');
        if (submitted) {
            memory.serveUpdateSeenAt = snap.at;
            memory.serveUpdateFingerprint = statusFingerprint(rs);
        }
    }
    else if (!memory.settledByEvent && snap.at > memory.serveUpdateSeenAt && statusFingerprint(rs) !== memory.serveUpdateFingerprint) {
        memory.settledByEvent = true;
    }
}
/** Applications, head and workers of the cluster that decides the rollout; grace clocks. */
function trackTarget(t) {
    const { state, snap, say, mark } = t;
    const { kind, target, memory } = state;
    const rs = snap.rayService;
    if (!rs)
        return;
    const previousBad = memory.bad;
    memory.bad = refresh(memory.bad, badStates(state, rs), snap.at);
    for (const [key, s] of Object.entries(memory.bad))
        if (!previousBad[key])
            say(clip(s.text), true);
    memory.stuck = refresh(memory.stuck, stuckPods(state, snap), snap.at);
    const { cluster, status } = targetOf(state, rs);
    if (cluster === undefined)
        return;
    trackPods(t, cluster);
    if (observedGeneration(rs) >= target.generation) {
        const line = appsLine(status);
        const topic = `apps:${cluster}`;
        // In place, the first status of generation G may still be the old one: take it as the baseline.
        if ((kind === 'app' || kind === 'inplace') && memory.marks[topic] === undefined)
            memory.marks[topic] = line;
        else if (line !== '')
            mark(topic, line, allRunning(status) ? `Serve apps RUNNING on ${cluster}` : `Serve apps on ${cluster}: ${line}`);
    }
}
/** Head, workers and stuck pods of the target cluster (not for Serve-only changes: nothing about pods changes). */
function trackPods(t, cluster) {
    const { state, snap } = t;
    if (state.kind === 'app')
        return;
    if (snap.pods === undefined) {
        trackHeadCondition(t, cluster);
        return;
    }
    const pods = podsOf(snap, cluster);
    // A first look at an in-place update only takes the baseline.
    const record = baselineOr(t, state.kind === 'inplace');
    const head = pods.find((p) => p.nodeType === 'head');
    if (head) {
        const value = head.ready ? 'ready' : isUnschedulable(head) ? 'Unschedulable' : (head.waiting?.reason ?? 'pending');
        record(`head:${cluster}`, value, value === 'ready' ? `head pod ready on ${cluster}` : undefined);
    }
    const workers = pods.filter((p) => p.nodeType === 'worker');
    if (workers.length > 0) {
        const value = `${workers.filter((p) => p.ready).length}/${workers.length}`;
        record(`workers:${cluster}`, value, `${value} workers ready on ${cluster}`);
    }
    trackPodIssues(t, cluster);
}
/** Pods not watched: the RayCluster's HeadPodReady condition still tells when the head is up. */
function trackHeadCondition(t, cluster) {
    const rc = (t.snap.rayClusters ?? []).find((c) => c.name === cluster);
    if (rc?.headReady === undefined)
        return;
    const record = baselineOr(t, t.state.kind === 'inplace');
    record(`head:${cluster}`, rc.headReady ? 'ready' : 'pending', rc.headReady ? `head pod ready on ${cluster}` : undefined);
}
/** `mark`, or on the first snapshot of a quiet rollout kind, only recording the value as the baseline. */
function baselineOr({ state, first, mark }, quietKind) {
    if (!first || !quietKind)
        return mark;
    return (topic, value) => {
        state.memory.marks[topic] = value;
    };
}
/** Pods that may need a human, grouped by trouble; ContainerCreating or PodInitializing are just slow. */
function trackPodIssues({ snap, mark }, cluster) {
    const issues = new Map();
    for (const p of podsOf(snap, cluster)) {
        if (p.ready)
            continue;
        if (!isUnschedulable(p) && !(p.waiting && HOPELESS_WAITING.has(p.waiting.reason)))
            continue;
        const why = podTrouble(p);
        issues.set(why, [...(issues.get(why) ?? []), p.name]);
    }
    for (const [why, names] of issues) {
        mark(`issue:${cluster}:${why}`, 'seen', `${names.length === 1 ? `pod ${names[0]}` : `${names.length} pods`} of ${cluster}: ${clip(why)}`, true);
    }
}

;// CONCATENATED MODULE: ./src/rollout/machine.ts
/**
 * The rollout state machine: status snapshots and time in, progress lines and one verdict out.
 *
 *   let state = startRollout(target);            // verdict at once for 'none' / 'ignored'
 *   ({ state, progress, verdict } = observe(state, snapshot));   // on every change seen
 *   ({ state, progress, verdict } = checkTime(state, Date.now())); // on a timer, between changes
 *
 * Pure: no I/O, no clock, no timers; states are plain data and never mutated. Between snapshots the
 * world is taken to be as the last snapshot showed it (that is what a live watch means), so
 * checkTime can both end a settle window with success and let a grace period expire into a failure.
 */






const machine_DEFAULTS = {
    timeoutMs: 30 * 60_000,
    /** Three of the operator's 2 s reconcile passes. */
    settleMs: 6_000,
    graceMs: 45_000,
    stuckGraceMs: 120_000,
    frozenGraceMs: 60_000,
};
function startRollout(target) {
    const resolved = {
        ...target,
        deadline: target.deadline ?? target.startedAt + machine_DEFAULTS.timeoutMs,
        settleMs: target.settleMs ?? machine_DEFAULTS.settleMs,
        graceMs: target.graceMs ?? machine_DEFAULTS.graceMs,
        stuckGraceMs: target.stuckGraceMs ?? machine_DEFAULTS.stuckGraceMs,
        frozenGraceMs: target.frozenGraceMs ?? machine_DEFAULTS.frozenGraceMs,
    };
    const kind = initialKind(resolved);
    const state = { target: resolved, kind, memory: initialMemory(resolved), timeline: [] };
    if (kind !== 'nothing')
        return state;
    const text = target.expected === 'ignored'
        ? 'nothing to wait for: the operator ignores this change (see the plan)'
        : 'nothing to wait for: no change reaches the operator';
    const line = machine_lineAt(resolved, resolved.startedAt, text);
    return { ...state, timeline: [line], verdict: machine_verdictOf(state, 'succeeded', text, resolved.startedAt, [line]) };
}
function initialKind(target) {
    switch (target.expected) {
        case 'none':
        case 'ignored':
            return 'nothing';
        case 'delete':
            return 'delete';
        // Without an active cluster before the apply, any change ends with a cluster becoming active.
        case 'app':
            return target.activeBefore === undefined ? 'new-cluster' : 'app';
        case 'cluster-inplace':
            return target.activeBefore === undefined ? 'new-cluster' : 'inplace';
        case 'create':
        case 'cluster':
        case 'cluster-incremental':
            return 'new-cluster';
    }
}
function observe(state, snap) {
    if (state.verdict)
        return { state, progress: [] };
    const lines = [];
    const tracked = track(state, snap, (text, warning) => lines.push(machine_lineAt(state.target, snap.at, text, warning)));
    return decide({ ...tracked, timeline: [...state.timeline, ...lines] }, snap.at, lines);
}
function checkTime(state, now) {
    if (state.verdict)
        return { state, progress: [] };
    return decide(state, Math.max(now, state.last?.at ?? now), []);
}
/** The step at `now`: the state with its verdict when done, failed or out of time; else the lines only. */
function decide(state, now, lines) {
    const judged = judge(state, now);
    if (!judged)
        return { state, progress: lines };
    const { target } = state;
    const end = machine_lineAt(target, now, judged.result === 'succeeded' ? 'rollout done' : judged.result === 'failed' ? 'rollout failed' : 'deadline reached', judged.result !== 'succeeded');
    const timeline = [...state.timeline, end];
    const verdict = { ...judged, timeline };
    return { state: { ...state, timeline, verdict }, progress: [...lines, end], verdict };
}
/** Done, failed, timed out, or (undefined) still under way. */
function judge(state, now) {
    const { target } = state;
    const missing = unmet(state, now);
    if (missing.length === 0)
        return finish(state, 'succeeded', success(state, now), now);
    const failed = failure(state, now);
    if (failed) {
        const summary = `${machine_name(target)}: failed after ${formatDuration(now - target.startedAt)}: ${failed.summary}`;
        return finish(state, 'failed', summary, now, missing, failed.hints);
    }
    if (now >= target.deadline)
        return finish(state, 'timeout', `${machine_name(target)}: not done after ${formatDuration(target.deadline - target.startedAt)}: ${missing[0]}`, now, missing);
    return undefined;
}
function finish(state, result, summary, now, missing = [], hints = []) {
    const diagnosis = result === 'succeeded' ? undefined : diagnose(state, now, missing, hints);
    return machine_verdictOf(state, result, summary, now, state.timeline, diagnosis);
}
function machine_verdictOf(state, result, summary, at, timeline, diagnosis) {
    const rs = state.last?.rayService;
    const activeCluster = rs ? activeName(rs) : undefined;
    return {
        result,
        summary,
        at,
        durationMs: at - state.target.startedAt,
        ...(activeCluster !== undefined ? { activeCluster } : {}),
        timeline,
        ...(diagnosis ? { diagnosis } : {}),
    };
}
function success(state, now) {
    const { target, kind, memory, last } = state;
    const took = `in ${formatDuration(now - target.startedAt)}`;
    const rs = last?.rayService;
    const A = target.activeBefore;
    const replanned = followedOperator(target.expected, kind) ? ` (the plan expected ${target.expected})` : '';
    if (kind === 'delete' || !rs)
        return `${machine_name(target)}: RayService deleted ${took}`;
    const active = activeName(rs) ?? '';
    const apps = appsLine(rs.activeServiceStatus);
    if (kind === 'app')
        return `${machine_name(target)}: Serve config applied in place on ${active} ${took}${apps ? `: ${apps}` : ''}`;
    if (kind === 'inplace')
        return `${machine_name(target)}: ${active} updated in place ${took}: all pods ready${apps ? `, ${apps}` : ''}`;
    if (A === undefined)
        return `${machine_name(target)}: ${active} is serving ${took}${apps ? `: ${apps}` : ''}${replanned}`;
    const deleted = memory.oldClusterGoneAt !== undefined ? `; ${A} deleted` : '';
    return `${machine_name(target)}: traffic switched from ${A} to ${active} ${took}${apps ? ` (${apps})` : ''}${deleted}${replanned}`;
}
function followedOperator(expected, kind) {
    return kind === 'new-cluster' && (expected === 'app' || expected === 'cluster-inplace');
}
const machine_name = (t) => serviceKey(t);
function machine_lineAt(target, at, text, warning) {
    return { at, elapsedMs: at - target.startedAt, text, ...(warning ? { warning: true } : {}) };
}

;// CONCATENATED MODULE: ./src/rollout/from-objects.ts
/**
 * Kubernetes objects (plain JSON as the API server returns them) → the plain views the rollout state
 * machine reads (types.ts). Pure. Fields are narrowed one by one: a field that is missing or of the
 * wrong type reads as absent, never as a crash.
 */


const ms = (t) => (typeof t === 'string' ? Date.parse(t) : undefined);
/** A numeric field of a map, as a spreadable `{ key: n }` or nothing. */
function numberField(key, from) {
    const n = from[key];
    return typeof n === 'number' ? { [key]: n } : {};
}
function conditions(list) {
    return asList(list).map((item) => {
        const c = asMap(item);
        return {
            type: String(c.type),
            status: String(c.status),
            ...(c.reason ? { reason: String(c.reason) } : {}),
            ...(c.message ? { message: String(c.message) } : {}),
            ...numberField('observedGeneration', c),
            ...(c.lastTransitionTime ? { lastTransitionTime: ms(c.lastTransitionTime) } : {}),
        };
    });
}
/** The Serve status of one cluster, passed through as the operator wrote it. */
function serviceStatus(v) {
    return isPlainObject(v) ? v : undefined;
}
function rayServiceView(o) {
    const meta = kube_object_metadataOf(o);
    const st = asMap(o.status);
    const active = serviceStatus(st.activeServiceStatus);
    const pending = serviceStatus(st.pendingServiceStatus);
    return {
        generation: meta.generation ?? 0,
        ...(meta.deletionTimestamp ? { deleting: true } : {}),
        ...numberField('observedGeneration', st),
        conditions: conditions(st.conditions),
        ...(active ? { activeServiceStatus: active } : {}),
        ...(pending ? { pendingServiceStatus: pending } : {}),
        ...numberField('numServeEndpoints', st),
    };
}
function rayClusterView(o) {
    const meta = kube_object_metadataOf(o);
    const st = asMap(o.status);
    const headReady = conditions(st.conditions).find((c) => c.type === 'HeadPodReady');
    return {
        name: meta.name ?? '',
        ...(meta.deletionTimestamp ? { deleting: true } : {}),
        ...(headReady ? { headReady: headReady.status === 'True' } : {}),
        ...(typeof meta.generation === 'number' ? { generation: meta.generation } : {}),
        ...numberField('observedGeneration', st),
        ...numberField('desiredWorkerReplicas', st),
        ...numberField('readyWorkerReplicas', st),
    };
}
function podView(o) {
    const meta = kube_object_metadataOf(o);
    const labels = stringMap(meta.labels);
    const st = asMap(o.status);
    const conds = conditions(st.conditions);
    const scheduled = conds.find((c) => c.type === 'PodScheduled');
    const waiting = firstWaiting(st);
    const nodeType = labels['ray.io/node-type'];
    const phase = stringOr(st.phase);
    return {
        name: meta.name ?? '',
        ...(labels['ray.io/cluster'] ? { cluster: labels['ray.io/cluster'] } : {}),
        ...(nodeType === 'head' || nodeType === 'worker' ? { nodeType } : {}),
        ...(labels['ray.io/group'] ? { group: labels['ray.io/group'] } : {}),
        ...(phase ? { phase } : {}),
        ready: conds.find((c) => c.type === 'Ready')?.status === 'True',
        ...(meta.deletionTimestamp ? { deleting: true } : {}),
        ...(scheduled
            ? {
                scheduled: {
                    status: scheduled.status,
                    ...(scheduled.reason ? { reason: scheduled.reason } : {}),
                    ...(scheduled.message ? { message: scheduled.message } : {}),
                },
            }
            : {}),
        ...(waiting ? { waiting } : {}),
    };
}
/** The first container (init containers first) waiting with a reason, e.g. ImagePullBackOff. */
function firstWaiting(podStatus) {
    for (const s of [...asList(podStatus.initContainerStatuses), ...asList(podStatus.containerStatuses)]) {
        const w = asMap(asMap(asMap(s).state).waiting);
        const reason = stringOr(w.reason);
        if (!reason)
            continue;
        const message = stringOr(w.message);
        return { reason, ...(message ? { message } : {}) };
    }
    return undefined;
}
function eventView(o) {
    const involved = asMap(o.involvedObject);
    const at = ms(asMap(o.series).lastObservedTime) ?? ms(o.lastTimestamp) ?? ms(o.eventTime) ?? ms(o.firstTimestamp) ?? ms(kube_object_metadataOf(o).creationTimestamp) ?? 0;
    const name = stringOr(involved.name);
    const kind = stringOr(involved.kind);
    return {
        type: o.type === 'Warning' ? 'Warning' : 'Normal',
        reason: String(o.reason ?? ''),
        message: String(o.message ?? o.note ?? ''),
        at,
        ...(name ? { involved: name } : {}),
        ...(kind ? { kind } : {}),
        ...numberField('count', o),
    };
}

;// CONCATENATED MODULE: ./src/rollout/snapshot.ts
/**
 * The snapshot the state machine observes, built from the objects a watcher holds: the RayService,
 * the RayClusters it owns, the Ray pods and the Events of its namespace. Pure: plain objects in, a
 * snapshot out; the adapter supplies the time, and says which kinds it could not watch.
 */


/**
 * Only what concerns this RayService: pods of its clusters (the listed ones, the one active before
 * the apply, and those its status names, which may not be listed yet), and Events about the
 * RayService, those clusters or those pods.
 */
function buildSnapshot(target, objects) {
    const { at, rayService, rayClusters, pods, events } = objects;
    const clusterNames = clusterNamesOf(target, rayService, rayClusters);
    const ownPods = pods?.filter((p) => isIn(clusterNames, kube_object_metadataOf(p).labels?.['ray.io/cluster']));
    const involved = new Set([target.name, ...clusterNames, ...(ownPods ?? []).flatMap((p) => kube_object_metadataOf(p).name ?? [])]);
    return {
        at,
        rayService: rayService ? rayServiceView(rayService) : null,
        rayClusters: rayClusters.map((c) => rayClusterView(c)),
        ...(ownPods ? { pods: ownPods.map((p) => podView(p)) } : {}),
        ...(events ? { events: events.filter((e) => isIn(involved, asMap(e.involvedObject).name)).map((e) => eventView(e)) } : {}),
    };
}
function clusterNamesOf(target, rayService, rayClusters) {
    const names = new Set(rayClusters.flatMap((c) => kube_object_metadataOf(c).name ?? []));
    const status = asMap(rayService?.status);
    for (const n of [target.activeBefore, asMap(status.activeServiceStatus).rayClusterName, asMap(status.pendingServiceStatus).rayClusterName])
        if (typeof n === 'string' && n !== '')
            names.add(n);
    return names;
}
function isIn(names, name) {
    return typeof name === 'string' && names.has(name);
}

;// CONCATENATED MODULE: ./src/rollout/render.ts
/**
 * Plain-text rendering of a rollout's outcome for logs (the adapter adds colour or markdown):
 *
 *      0.4s  operator observed generation 7
 *      1.2s  pending cluster rs-abc created
 *     4m12s  traffic switched to rs-abc
 */


/** One progress line: elapsed time right-aligned, then the text. */
function renderLine(line) {
    return `${formatDuration(line.elapsedMs).padStart(7)}  ${line.text}`;
}
function renderTimeline(lines) {
    return lines.map(renderLine);
}
const RESULT = { succeeded: 'succeeded', failed: 'FAILED', timeout: 'TIMED OUT' };
/** The verdict as text lines: result and summary, the timeline, then the diagnosis sections that have content. */
function renderVerdict(verdict) {
    const out = [`${RESULT[verdict.result]}: ${verdict.summary}`, '', 'Timeline:', ...renderTimeline(verdict.timeline).map((l) => `  ${l}`)];
    if (verdict.diagnosis)
        out.push(...renderDiagnosis(verdict.diagnosis));
    return out;
}
/** The diagnosis sections that have content, each a blank line, a title and `  - item` lines. */
function renderDiagnosis(d) {
    const out = [];
    const section = (title, items) => {
        if (items.length > 0)
            out.push('', `${title}:`, ...items.map((i) => `  - ${i}`));
    };
    section('Still missing', d.missing);
    section('Conditions', d.conditions);
    section('Serve applications', d.apps);
    section('Pods not ready', d.pendingPods);
    section('Warning events', d.warnings);
    if (d.frozenStatus)
        section('Frozen status', [d.frozenStatus]);
    section('What to do', d.hints);
    return out;
}

;// CONCATENATED MODULE: ./src/rollout/index.ts
/**
 * Watching a RayService rollout, as pure functions (in the manner of kstatus): an adapter feeds
 * snapshots of the RayService, its RayClusters, their Pods and the Events about them, and prints
 * the progress lines and the verdict. Nothing here does I/O or reads a clock.
 *
 * The adapter's side of the contract:
 * - startRollout right after the apply, with the generation it returned (G) and the active cluster
 *   read before it (A); a 'none' / 'ignored' change gets its verdict at once.
 * - observe on every change it sees, in order, with the time at which the snapshot was true;
 *   buildSnapshot makes that snapshot from the objects it holds.
 * - checkTime every few seconds: grace periods, the settle window and the deadline run out without
 *   any new snapshot. It assumes that the last snapshot still holds, so call it only while the view
 *   is live (a watch connected, or a fresh poll).
 * - Stop at the first step that carries a verdict; print renderVerdict(verdict) or build markdown
 *   from its parts.
 *
 * The rules (checked against the operator source) are in predicates.ts (when it is done) and
 * judge.ts (when to give up early); progress.ts says what changed. Each is a function of one
 * RolloutState: observe and checkTime map (state, event) → state.
 */




;// CONCATENATED MODULE: ./src/kube/reflector.ts




class Reflector {
    conn;
    source;
    opts;
    items = new Map();
    /** False when listing is forbidden: the snapshot leaves this kind out ("not watched"). */
    available = true;
    synced = false;
    rv = '';
    stopped = false;
    abort;
    /** A watch request is waiting for its response (client-node hands out its AbortController only after). */
    connecting = false;
    failures = 0;
    pollTimer;
    retryTimer;
    constructor(conn, source, opts) {
        this.conn = conn;
        this.source = source;
        this.opts = opts;
    }
    async start() {
        try {
            await this.relist();
        }
        catch (e) {
            // A connection cut or an apiserver restart during the FIRST list is as transient as one
            // during a watch (seen in the e2e suite: "fetch failed" killed the whole wait with exit 1):
            // retry like a failed watch; the deadline still bounds the wait. Refusals (401, 404, …) stay fatal.
            if (!isTransient(e) || this.stopped)
                throw requestError(e, `list ${this.source.name}`, this.conn.server);
            this.opts.log?.(`${this.source.name}: listing failed (${e?.message ?? e}), retrying`);
            this.failures++;
            this.retry();
            return;
        }
        if (this.available && !this.stopped)
            this.watch();
    }
    stop() {
        this.stopped = true;
        // A watch still connecting cannot be aborted: it is abandoned (the CLI exits without waiting for it).
        if (this.connecting)
            noteAbandoned();
        this.abort?.abort();
        clearInterval(this.pollTimer);
        clearTimeout(this.retryTimer);
    }
    async relist() {
        this.opts.countRequest();
        try {
            const { items, resourceVersion } = await this.conn.deadline.within(`list ${this.source.name}`, this.source.list());
            this.items.clear();
            for (const o of items)
                this.items.set(key(o), o);
            this.rv = resourceVersion;
            this.synced = true;
            this.opts.onChange();
        }
        catch (e) {
            if (statusOf(e) === 403) {
                this.available = false;
                this.opts.log?.(`no permission to list ${this.source.name}: watching without them`);
                this.opts.onChange();
                return;
            }
            throw e;
        }
    }
    watch() {
        const w = new this.conn.k8s.Watch(this.conn.kc);
        // The client's default inactivity timeout (30 s) would reconnect every half minute on a quiet
        // rollout; the server ends the watch itself (timeoutSeconds) and a dead connection errors out.
        w.requestTimeoutMs = 10 * 60_000;
        let sawEvent = false;
        let gone = false;
        const startedAt = Date.now();
        this.opts.countRequest();
        this.connecting = true;
        w.watch(this.source.watchPath, { ...this.source.query, allowWatchBookmarks: true, resourceVersion: this.rv, timeoutSeconds: 540 }, (type, obj) => {
            if (type === 'ERROR') {
                if (obj?.code === 410)
                    gone = true;
                return;
            }
            sawEvent = true;
            this.failures = 0;
            if (obj?.metadata?.resourceVersion)
                this.rv = obj.metadata.resourceVersion;
            if (type === 'BOOKMARK')
                return;
            if (type === 'DELETED')
                this.items.delete(key(obj));
            else
                this.items.set(key(obj), obj);
            this.opts.onChange();
        }, (err) => {
            if (this.stopped)
                return;
            if (gone || statusOf(err) === 410) {
                this.opts.log?.(`${this.source.name}: resourceVersion too old (410 Gone), listing again`);
                this.relist().then(() => this.watch(), () => this.retry());
                return;
            }
            // A server-side timeout (no error) is the normal end of a long watch: resume at once. A
            // stream that ends at once, again and again, is a proxy cutting it: back off instead.
            if (!err && (sawEvent || Date.now() - startedAt > 5_000))
                return this.watch();
            this.failures++;
            this.retry();
        }).then((ac) => {
            this.connecting = false;
            this.abort = ac;
            if (this.stopped)
                ac.abort();
        }, () => {
            this.connecting = false;
            this.retry();
        });
    }
    /** Back off, and poll meanwhile once watches keep failing (proxies that cut streams, 2 s). */
    retry() {
        if (this.stopped)
            return;
        const delay = Math.min(250 * 2 ** this.failures, 5_000);
        if (this.failures >= 3 && !this.pollTimer) {
            this.opts.log?.(`${this.source.name}: watch keeps failing, polling every ${this.opts.pollIntervalMs / 1000} s`);
            this.pollTimer = setInterval(() => {
                this.relist().catch(() => undefined);
            }, this.opts.pollIntervalMs);
        }
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => {
            if (this.stopped)
                return;
            this.relist().then(() => {
                clearInterval(this.pollTimer);
                this.pollTimer = undefined;
                this.watch();
            }, () => {
                this.failures++;
                this.retry();
            });
        }, this.pollTimer ? Math.max(delay, 10_000) : delay);
    }
}
function key(o) {
    const { namespace, name } = kube_object_metadataOf(o);
    return `${namespace ?? ''}/${name ?? ''}`;
}
function statusOf(e) {
    const x = e;
    for (const v of [x?.code, x?.statusCode, x?.status])
        if (typeof v === 'number')
            return v;
    return undefined;
}
/** No HTTP status (connection reset, refused, fetch failed), or one that a retry may cure. */
function isTransient(e) {
    // The deadline ran out, the credential plugin failed: no retry cures those.
    if (e instanceof UserError)
        return false;
    const status = statusOf(e);
    return status === undefined || status === 429 || status >= 500;
}

;// CONCATENATED MODULE: ./src/kube/rollout-watch.ts



/** The verdict when the RayService cannot be listed: the rollout cannot be followed at all. */
function forbidden(target, plural) {
    const now = Date.now();
    return {
        result: 'failed',
        summary: `${target.namespace}/${target.name}: cannot follow the rollout: no permission to list ${plural} in namespace ${target.namespace} (docs/rbac.md lists the rules needed: deploy/rbac.yaml)`,
        at: now,
        durationMs: now - target.startedAt,
        timeline: [],
    };
}
async function watchRollout(opts) {
    const state = startRollout(opts.target);
    if (state.verdict)
        return { verdict: state.verdict, requests: 0 };
    return new RolloutWatch(opts, state).run();
}
/** What to list and watch for one RayService. */
function sourcesFor({ k8s, kc }, target) {
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const namespace = target.namespace;
    const ofRay = (plural, selector) => ({
        name: plural,
        watchPath: `/apis/ray.io/v1/namespaces/${namespace}/${plural}`,
        query: { ...selector },
        list: async () => {
            const r = await custom.listNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace, plural, ...selector });
            return { items: r.items ?? [], resourceVersion: r.metadata?.resourceVersion ?? '' };
        },
    });
    const rayNodes = 'ray.io/is-ray-node=yes';
    return {
        rayServices: ofRay('rayservices', { fieldSelector: `metadata.name=${target.name}` }),
        rayClusters: ofRay('rayclusters', { labelSelector: `ray.io/originated-from-cr-name=${target.name},ray.io/originated-from-crd=RayService` }),
        pods: {
            name: 'pods',
            watchPath: `/api/v1/namespaces/${namespace}/pods`,
            query: { labelSelector: rayNodes },
            list: async () => {
                const r = await core.listNamespacedPod({ namespace, labelSelector: rayNodes });
                return { items: r.items, resourceVersion: r.metadata?.resourceVersion ?? '' };
            },
        },
        events: {
            name: 'events',
            watchPath: `/api/v1/namespaces/${namespace}/events`,
            query: {},
            list: async () => {
                const r = await core.listNamespacedEvent({ namespace });
                return { items: r.items, resourceVersion: r.metadata?.resourceVersion ?? '' };
            },
        },
    };
}
/** One wait: the reflectors, the timer and the machine's state, until the first verdict. */
class RolloutWatch {
    opts;
    state;
    requests = 0;
    finished = false;
    timer;
    reflectors;
    settle;
    constructor(opts, state) {
        this.opts = opts;
        this.state = state;
        const ro = {
            onChange: () => this.onChange(),
            countRequest: () => this.requests++,
            pollIntervalMs: opts.pollIntervalMs ?? 2_000,
            ...(opts.log ? { log: opts.log } : {}),
        };
        const sources = sourcesFor(opts.conn, opts.target);
        const reflector = (source) => new Reflector(opts.conn, source, ro);
        this.reflectors = {
            rayServices: reflector(sources.rayServices),
            rayClusters: reflector(sources.rayClusters),
            pods: reflector(sources.pods),
            events: reflector(sources.events),
        };
    }
    run() {
        return new Promise((resolve, reject) => {
            this.settle = { resolve, reject };
            this.timer = setInterval(() => this.tick(), this.opts.tickMs ?? 1_000);
            Promise.all(Object.values(this.reflectors).map((r) => r.start())).then(() => this.onChange(), (e) => {
                // The command's deadline is the rollout's: a list cut short by it is the rollout timing out.
                if (e instanceof DeadlineError)
                    this.tick();
                this.end(() => this.settle?.reject(e));
            });
        });
    }
    /** A reflector saw a change: observe the new snapshot. */
    onChange() {
        if (this.finished)
            return;
        const { rayServices } = this.reflectors;
        // Pods and events are optional; the RayService is not: without it nothing can be observed,
        // and the wait would only run into its deadline.
        if (!rayServices.available)
            this.finish(forbidden(this.opts.target, 'rayservices'));
        else if (rayServices.synced)
            this.apply(observe(this.state, this.snapshot()));
    }
    /** Time passes: grace periods, the settle window and the deadline can run out without a change. */
    tick() {
        if (this.finished)
            return;
        this.apply(checkTime(this.state, Date.now()));
    }
    apply(step) {
        this.state = step.state;
        for (const line of step.progress)
            this.opts.onProgress?.(line);
        if (step.verdict)
            this.finish(step.verdict);
    }
    snapshot() {
        const { rayServices, rayClusters, pods, events } = this.reflectors;
        const { namespace, name } = this.opts.target;
        return buildSnapshot(this.opts.target, {
            at: Date.now(),
            rayService: rayServices.items.get(`${namespace}/${name}`),
            rayClusters: [...rayClusters.items.values()],
            ...(pods.available ? { pods: [...pods.items.values()] } : {}),
            ...(events.available ? { events: [...events.items.values()] } : {}),
        });
    }
    finish(verdict) {
        this.end(() => this.settle?.resolve({ verdict, requests: this.requests }));
    }
    /** Stop the timer and the reflectors, once, then settle the promise. */
    end(settle) {
        if (this.finished)
            return;
        this.finished = true;
        clearInterval(this.timer);
        for (const r of Object.values(this.reflectors))
            r.stop();
        settle();
    }
}

;// CONCATENATED MODULE: ./src/flows/apply-and-wait.ts
/**
 * The merge-time flow shared by `rayservice-rollout apply` and the action's apply mode: from a
 * plan, apply every RayService that changed (all dry-run first), then wait for each rollout in
 * parallel. Output goes through callbacks, so the CLI prints lines and the action groups logs and
 * writes a summary.
 */





/** Changes that reach the cluster: applied, then waited for ('ignored' returns at once). */
const APPLIED_CHANGES = ['create', 'app', 'cluster', 'cluster-incremental', 'cluster-inplace', 'ignored'];
/** Throws ApplyRefusedError (nothing applied) when the API server refuses any manifest. */
async function applyAndWait(opts) {
    const services = opts.plan.services.filter((s) => APPLIED_CHANGES.includes(s.change));
    if (services.length === 0)
        return [];
    const manifests = services.map((s) => opts.head.get(serviceKey(s)));
    const applyOptions = { fieldManager: opts.fieldManager, forceConflicts: opts.forceConflicts };
    if (opts.dryRun) {
        await dryRunAll(opts.conn, manifests, applyOptions);
        return services.map((service) => ({ service }));
    }
    const applied = await applyAll(opts.conn, manifests, applyOptions);
    const startedAt = Date.now();
    return Promise.all(applied.map(async (a, i) => {
        const service = services[i];
        opts.onApplied?.(service, a);
        // Without a base (a first run, a manual dispatch) a live RayService was planned as 'create':
        // wait for its current config to run; a pending cluster, if one appears, is followed.
        const expected = !a.existed ? 'create' : service.change === 'create' ? 'app' : service.change;
        const { verdict, requests } = await waitFor(opts, service, a, expected, startedAt);
        if (verdict.result === 'succeeded' || opts.onFailure !== 'rollback')
            return { service, applied: a, verdict, requests };
        return { service, applied: a, verdict, requests, rollback: await rollBack(opts, service, expected, applyOptions) };
    }));
}
function waitFor(opts, service, a, expected, startedAt) {
    return watchRollout({
        conn: opts.conn,
        target: {
            namespace: service.namespace,
            name: service.name,
            expected,
            generation: a.generation,
            ...(a.activeBefore ? { activeBefore: a.activeBefore } : {}),
            serveApps: serveAppsOf(a.manifest.object),
            startedAt,
            // One deadline per command: the connection's, when it has one (the CLI), bounds the wait too.
            deadline: Math.min(startedAt + opts.timeoutMs, opts.conn.deadline.at),
        },
        onProgress: (line) => opts.onProgress?.(service, line),
        log: (text) => opts.onLog?.(service, text),
    });
}
async function rollBack(opts, service, failed, applyOptions) {
    const base = opts.base?.get(serviceKey(service));
    const say = (text) => opts.onRollback?.(service, text);
    if (!base) {
        const skipped = 'nothing to roll back to: the RayService is new in this change (delete it by hand if it must go)';
        say(skipped);
        return { skipped };
    }
    const clusterLevel = failed === 'cluster' || failed === 'cluster-incremental' || failed === 'cluster-inplace';
    say(clusterLevel
        ? 're-applying the base manifest: KubeRay replaces the failed pending cluster with a new one built from the base spec and switches to it when ready (a second blue/green rollout of the old version; the running cluster keeps serving meanwhile)'
        : 're-applying the base manifest: the previous Serve config is sent to the running cluster');
    // The rollback is a second apply and wait, with a time of its own: the command's may be gone.
    if (Number.isFinite(opts.conn.deadline.ms))
        opts.conn.deadline = new Deadline(opts.timeoutMs, "the rollback's --timeout");
    const [a] = await applyAll(opts.conn, [base], applyOptions);
    const startedAt = Date.now();
    // A reverted cluster change builds another cluster (see onFailure); a reverted Serve change is in place.
    const { verdict } = await waitFor(opts, service, a, clusterLevel && failed !== 'cluster-inplace' ? 'cluster' : 'app', startedAt);
    say(`rollback ${verdict.result}: ${verdict.summary}`);
    return { verdict };
}
/** Application names of a RayService's Serve config (Ray Serve calls an unnamed one "default"). */
function serveAppsOf(o) {
    const text = o?.spec?.serveConfigV2;
    if (typeof text !== 'string')
        return [];
    try {
        const apps = (0,dist/* parse */.qg)(text)?.applications ?? [];
        return apps.map((a) => a?.name || 'default');
    }
    catch {
        return [];
    }
}
/** The worst result wins. */
function overallResult(outcomes) {
    if (outcomes.length === 0)
        return 'nothing';
    if (outcomes.some((o) => o.verdict?.result === 'failed'))
        return 'failed';
    if (outcomes.some((o) => o.verdict?.result === 'timeout'))
        return 'timeout';
    return 'succeeded';
}

;// CONCATENATED MODULE: ./src/flows/observe-and-wait.ts




async function observeAndWait(opts) {
    const services = opts.plan.services.filter((s) => APPLIED_CHANGES.includes(s.change));
    const startedAt = Date.now();
    return Promise.all(services.map((service) => observeOne(opts, service, startedAt)));
}
async function observeOne(opts, service, startedAt) {
    const want = opts.head.get(serviceKey(service)).object;
    const syncBy = Math.min(startedAt + opts.syncTimeoutMs, opts.conn.deadline.at);
    const first = await readLive(opts.conn, service);
    let live = first;
    while (!carries(live, want)) {
        if (Date.now() >= syncBy)
            return { service, verdict: notSynced(service, live, want, startedAt) };
        await sleep(Math.min(opts.pollMs ?? 2000, Math.max(0, syncBy - Date.now())));
        live = await readLive(opts.conn, service);
    }
    const generation = Number(live.metadata.generation ?? 1);
    opts.onSynced?.(service, generation);
    const syncedAt = Date.now();
    const target = {
        namespace: service.namespace,
        name: service.name,
        ...expectation(service.change, first, live),
        generation,
        serveApps: serveAppsOf(live),
        startedAt: syncedAt,
        deadline: Math.min(syncedAt + opts.timeoutMs, opts.conn.deadline.at),
    };
    const { verdict, requests } = await watchRollout({
        conn: opts.conn,
        target,
        onProgress: (line) => opts.onProgress?.(service, line),
        log: (text) => opts.onLog?.(service, text),
    });
    return { service, verdict, requests };
}
/**
 * What "done" means. Synced after we started: the plan's change, judged against the cluster that
 * was active before (as apply). Already synced when we started: what is under way decides, as
 * `wait` does (a pending cluster must take over, else the Serve config must run).
 */
function expectation(change, first, live) {
    const activeOf = (o) => observe_and_wait_clusterName(o, 'activeServiceStatus');
    if (!first)
        return { expected: 'create' };
    const active = activeOf(first);
    const already = first === live;
    const expected = already ? (observe_and_wait_clusterName(live, 'pendingServiceStatus') ? 'cluster' : 'app') : change === 'create' ? 'app' : change;
    return { expected, ...(active ? { activeBefore: active } : {}) };
}
function observe_and_wait_clusterName(o, key) {
    const s = isPlainObject(o?.status) ? o.status[key] : undefined;
    const name = isPlainObject(s) ? s.rayClusterName : undefined;
    return typeof name === 'string' && name ? name : undefined;
}
/**
 * The live object carries the manifest: every field the manifest sets has that value live (the
 * API server adds defaults and other managers' fields, which are not the controller's business).
 */
function carries(live, want) {
    if (!live)
        return false;
    return covers(live.spec, want.spec);
}
function covers(live, want) {
    if (isPlainObject(want))
        return isPlainObject(live) && Object.entries(want).every(([k, v]) => v === null || covers(live[k], v));
    if (Array.isArray(want))
        return Array.isArray(live) && live.length === want.length && want.every((v, i) => covers(live[i], v));
    return live === want || (live !== undefined && want !== undefined && String(live) === String(want) && typeof live !== typeof want);
}
/** The Argo CD Application or Flux object that applies this RayService, from what they write on it. */
function ownerOf(o) {
    const meta = isPlainObject(o?.metadata) ? o.metadata : {};
    const labels = isPlainObject(meta.labels) ? meta.labels : {};
    const annotations = isPlainObject(meta.annotations) ? meta.annotations : {};
    const tracking = annotations['argocd.argoproj.io/tracking-id'];
    if (typeof tracking === 'string' && tracking)
        return `the Argo CD Application ${tracking.split(':')[0]}`;
    const instance = labels['argocd.argoproj.io/instance'] ?? annotations['argocd.argoproj.io/instance'];
    if (typeof instance === 'string' && instance)
        return `the Argo CD Application ${instance}`;
    const ks = labels['kustomize.toolkit.fluxcd.io/name'];
    if (typeof ks === 'string' && ks)
        return `the Flux Kustomization ${labels['kustomize.toolkit.fluxcd.io/namespace'] ?? '?'}/${ks}`;
    const hr = labels['helm.toolkit.fluxcd.io/name'];
    if (typeof hr === 'string' && hr)
        return `the Flux HelmRelease ${labels['helm.toolkit.fluxcd.io/namespace'] ?? '?'}/${hr}`;
    return undefined;
}
function notSynced(service, live, want, startedAt) {
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    const owner = ownerOf(live);
    const what = live
        ? `${serviceKey(service)} does not carry the merged spec yet (${firstDifference(live.spec, want.spec) ?? 'spec'} differs)`
        : `${serviceKey(service)} does not exist in the cluster yet`;
    const who = owner
        ? `; it is applied by ${owner}: check its sync status (auto-sync off, a sync error, or a pending refresh)`
        : '; no Argo CD or Flux label or annotation on it names the controller that applies it';
    const summary = `not synced yet: ${what} after ${seconds} s${who}`;
    const at = Date.now();
    return { result: 'timeout', summary, at, durationMs: at - startedAt, timeline: [] };
}
/** The first field path where the live spec does not carry the manifest's, for the message. */
function firstDifference(live, want, path = 'spec') {
    if (covers(live, want))
        return undefined;
    if (isPlainObject(want) && isPlainObject(live)) {
        for (const [k, v] of Object.entries(want)) {
            const d = firstDifference(live[k], v, `${path}.${k}`);
            if (d)
                return d;
        }
    }
    if (Array.isArray(want) && Array.isArray(live) && live.length === want.length) {
        for (const [i, v] of want.entries()) {
            const d = firstDifference(live[i], v, `${path}[${i}]`);
            if (d)
                return d;
        }
    }
    return path;
}
async function readLive(conn, service) {
    const custom = conn.kc.makeApiClient(conn.k8s.CustomObjectsApi);
    const what = `GET RayService ${serviceKey(service)}`;
    const args = { group: 'ray.io', version: 'v1', namespace: service.namespace, plural: 'rayservices', name: service.name };
    try {
        return (await conn.deadline.within(what, custom.getNamespacedCustomObject(args)));
    }
    catch (e) {
        if (e?.code === 404)
            return undefined;
        throw requestError(e, what, conn.server);
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

;// CONCATENATED MODULE: ./src/cli/rollout-command.ts
/**
 * `rayservice-rollout apply` (plan, dry-run every changed manifest, server-side apply, then wait
 * for each rollout in parallel) and `rayservice-rollout wait <namespace/name>` (wait for a rollout
 * that someone else started). Exit status: 0 all rolled out, 3 a rollout failed, 4 timed out,
 * 2 bad input (nothing applied), 1 a bug.
 */


















const ROLLOUT_EXIT = { ok: 0, failed: 3, timeout: 4 };
const APPLY_HELP = `Usage: rayservice-rollout apply --base <file|dir> --head <file|dir> [options]

Plans like \`plan\`, validates every changed RayService with a server-side dry run (nothing is
applied if one is refused), applies them with server-side apply, then waits for each rollout in
parallel until the operator has really finished, printing progress and a final timeline.

Options:
  --base, --head, --namespace, --kuberay-version, --zero-downtime   as for plan
  --timeout DURATION          deadline of the whole command: every request, the credential plugin
                              and the wait (default ${DEFAULTS.timeout}; e.g. 90s, 10m, 1h)
  --field-manager NAME        server-side apply field manager (default ${DEFAULTS.fieldManager})
  --force-conflicts           take over fields owned by another field manager
  --on-failure rollback|none  rollback: when a rollout fails or times out, re-apply the base manifest
                              and wait for that. Under NewCluster KubeRay then builds ANOTHER cluster
                              from the base spec (a copy of what runs) in place of the failed pending
                              one and switches to it: a second blue/green rollout, while the old
                              cluster keeps serving. A Serve-only change is reverted in place.
  --kubeconfig PATH           default: $KUBECONFIG, ~/.kube/config, or in-cluster
  --context NAME              kubeconfig context (default: the current one)
  --verbose                   also print how many API requests each wait made

Exit status: 0 rolled out, 3 a rollout failed, 4 timed out (also: the cluster did not answer in
time), 2 bad input or a cluster that cannot be reached (nothing applied).
`;
const WAIT_HELP = `Usage: rayservice-rollout wait <namespace/name> [--timeout ${DEFAULTS.timeout}] [--kubeconfig PATH] [--context NAME] [--verbose]
       rayservice-rollout wait --head <file|dir> [--base <file|dir>] [--render SPEC] [--sync-timeout 10m] [options]

With --head (observe: a GitOps controller such as Argo CD or Flux applies, not this command): waits
until every RayService that changed from --base (none: every one) carries the head's spec live (the
controller has synced; "not synced yet" naming the Argo CD Application or Flux object that owns it
when --sync-timeout runs out), then waits for each rollout as apply does. Read-only. --render, as
for plan, plans what a renderer prints (--base and --head are then tree roots).

Waits for the rollout of a RayService that someone else applied: a pending cluster to take over,
or the Serve applications to run the current generation. Exit status as for apply.
`;
async function runApply(flags, stdout, stderr) {
    // Through the output edge: progress, events and Serve errors are the cluster's words.
    const err = textSink(stderr);
    try {
        return await apply(flags, stdout, err);
    }
    catch (e) {
        return timedOut(e, err);
    }
}
/**
 * The command's deadline ran out before the rollouts could be judged (a credential plugin or an
 * API server that did not answer): exit status 4, as a rollout that timed out.
 */
function timedOut(e, err) {
    if (!(e instanceof DeadlineError))
        throw e;
    err.write(`rayservice-rollout: ${e.message}\n`);
    return ROLLOUT_EXIT.timeout;
}
/** The deadline of the whole command: every request, the credential plugin and the wait. */
function commandDeadline(flags) {
    return new Deadline(parseDuration('--timeout', flags.timeout, DEFAULTS.timeout), `--timeout ${flags.timeout ?? DEFAULTS.timeout}`);
}
async function apply(flags, stdout, err) {
    const out = textSink(stdout);
    if (!flags.base || !flags.head)
        throw new UsageError('apply needs --base and --head (try apply --help)');
    const timeoutMs = parseDuration('--timeout', flags.timeout, DEFAULTS.timeout);
    const deadline = commandDeadline(flags);
    const onFailure = parseChoice('--on-failure', flags['on-failure'], ['rollback', 'none'], DEFAULTS.onFailure);
    const planOptions = {
        kuberayVersion: parseKubeRayVersion('--kuberay-version', flags['kuberay-version'], DEFAULTS.kuberayVersion),
        zeroDowntime: parseBool('--zero-downtime', flags['zero-downtime'], DEFAULTS.zeroDowntime),
    };
    const fieldManager = flags['field-manager'] ?? DEFAULTS.fieldManager;
    const namespace = flags.namespace ?? DEFAULTS.namespace;
    const [base, head] = await Promise.all([
        loadManifests(flags.base, { defaultNamespace: namespace, displayRoot: process.cwd() }),
        loadManifests(flags.head, { defaultNamespace: namespace, displayRoot: process.cwd() }),
    ]);
    // Refuse bad manifests before touching the cluster.
    plan(base, head, planOptions);
    const conn = await connect({ ...connectOptions(flags), deadline });
    const p = await planBeforeApply(conn, base, head, {
        ...planOptions,
        fieldManager,
        forceConflicts: flags['force-conflicts'] === true,
    });
    for (const f of clusterFindings(p))
        err.write(`${f.level === 'warning' ? 'warning: ' : ''}${f.text}\n`);
    for (const s of p.services.filter((x) => x.change === 'delete'))
        err.write(`${s.namespace}/${s.name}: gone from head; not deleted (deletion needs prune, which is off)\n`);
    if (!p.services.some((s) => APPLIED_CHANGES.includes(s.change))) {
        out.write('Nothing to apply: no RayService changed in a way that reaches the cluster.\n');
        return ROLLOUT_EXIT.ok;
    }
    const id = (s) => serviceKey(s);
    let outcomes;
    try {
        outcomes = await applyAndWait({
            conn,
            plan: p,
            head,
            base,
            timeoutMs,
            onFailure,
            fieldManager,
            forceConflicts: flags['force-conflicts'] === true,
            onApplied: (s, a) => out.write(`${id(s)}: applied (generation ${a.generation}); expecting ${s.change}\n`),
            onProgress: (s, line) => out.write(`[${id(s)}] ${renderLine(line)}\n`),
            onLog: (s, text) => out.write(`[${id(s)}] ${text}\n`),
            onRollback: (s, text) => out.write(`[${id(s)}] rollback: ${text}\n`),
        });
    }
    catch (e) {
        if (e instanceof ApplyRefusedError) {
            err.write(`rayservice-rollout: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    for (const o of outcomes) {
        if (!o.verdict)
            continue;
        out.write(`\n[${id(o.service)}] ${renderVerdict(o.verdict).join(`\n[${id(o.service)}] `)}\n`);
        if (flags.verbose)
            out.write(`[${id(o.service)}] ${o.requests ?? 0} API requests while waiting (lists and watch connections)\n`);
        if (o.rollback?.verdict)
            out.write(`[${id(o.service)}] rolled back: ${o.rollback.verdict.result}: ${o.rollback.verdict.summary}\n`);
    }
    out.write('\n');
    return exitFor(outcomes.map((o) => o.verdict).filter(Boolean));
}
async function runWait(target, flags, stdout, stderr = process.stderr) {
    try {
        return await wait(target, flags, stdout);
    }
    catch (e) {
        return timedOut(e, textSink(stderr));
    }
}
async function wait(target, flags, stdout) {
    const out = textSink(stdout);
    if (flags.head !== undefined) {
        if (target !== undefined)
            throw new UsageError('wait takes <namespace/name> or --head, not both (try wait --help)');
        return rollout_command_observe(flags, out);
    }
    const m = /^([a-z0-9-]+)\/([a-z0-9.-]+)$/.exec(target ?? '');
    if (!m)
        throw new UsageError('wait needs <namespace/name> (try wait --help)');
    const [, namespace, name] = m;
    const deadline = commandDeadline(flags);
    const conn = await connect({ ...connectOptions(flags), deadline });
    const custom = conn.kc.makeApiClient(conn.k8s.CustomObjectsApi);
    const what = `GET RayService ${namespace}/${name}`;
    const rs = await deadline
        .within(what, custom.getNamespacedCustomObject({ group: 'ray.io', version: 'v1', namespace, plural: 'rayservices', name }))
        .catch((e) => {
        if (e?.code === 404)
            throw new UsageError(`RayService ${namespace}/${name} not found`);
        // An unreachable server, a refusal (401, 403): said as apply says them, never "internal error".
        throw requestError(e, what, conn.server);
    });
    const pending = rs.status?.pendingServiceStatus?.rayClusterName || undefined;
    const active = rs.status?.activeServiceStatus?.rayClusterName || undefined;
    const startedAt = Date.now();
    const verdict = await waitOne(conn, {
        namespace,
        name,
        // What is under way decides what "done" means: a pending cluster must take over; otherwise
        // the current generation's Serve config must run.
        expected: pending ? 'cluster' : active ? 'app' : 'create',
        generation: rs.metadata?.generation ?? 1,
        ...(active ? { activeBefore: active } : {}),
        serveApps: serveAppsOf(rs),
        startedAt,
        deadline: deadline.at,
    }, out, flags.verbose === true);
    return exitFor([verdict]);
}
/** `wait --head`: the controller applies; wait for it to sync, then for each rollout. */
async function rollout_command_observe(flags, out) {
    const namespace = flags.namespace ?? DEFAULTS.namespace;
    const syncTimeoutMs = parseDuration('--sync-timeout', flags['sync-timeout'], '10m');
    const { base, head, relocate } = await manifestsForObserve(flags, namespace);
    const p = relocate(plan(base, head, {
        kuberayVersion: parseKubeRayVersion('--kuberay-version', flags['kuberay-version'], DEFAULTS.kuberayVersion),
        zeroDowntime: parseBool('--zero-downtime', flags['zero-downtime'], DEFAULTS.zeroDowntime),
    }));
    const deadline = commandDeadline(flags);
    const conn = await connect({ ...connectOptions(flags), deadline });
    const id = (s) => serviceKey(s);
    const outcomes = await observeAndWait({
        conn,
        plan: p,
        head,
        syncTimeoutMs,
        timeoutMs: deadline.ms,
        onSynced: (s, g) => out.write(`${id(s)}: synced by the controller (generation ${g}); expecting ${s.change}\n`),
        onProgress: (s, line) => out.write(`[${id(s)}] ${renderLine(line)}\n`),
        onLog: (s, text) => out.write(`[${id(s)}] ${text}\n`),
    });
    if (outcomes.length === 0)
        out.write('Nothing to wait for: no RayService changed in a way that reaches the cluster.\n');
    for (const o of outcomes)
        out.write(`\n[${id(o.service)}] ${renderVerdict(o.verdict).join(`\n[${id(o.service)}] `)}\n`);
    return exitFor(outcomes.map((o) => o.verdict));
}
async function manifestsForObserve(flags, namespace) {
    const headPath = flags.head;
    if (flags.render) {
        const pair = await renderBoth({ base: flags.base ?? headPath, head: headPath }, flags.render, { defaultNamespace: namespace });
        return { base: flags.base ? pair.base.manifests : new Map(), head: pair.head.manifests, relocate: pair.relocate };
    }
    const load = (path) => loadManifests(path, { defaultNamespace: namespace, displayRoot: process.cwd() });
    const [base, head] = await Promise.all([flags.base ? load(flags.base) : Promise.resolve(new Map()), load(headPath)]);
    return { base, head, relocate: (p) => p };
}
function connectOptions(flags) {
    return { ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}), ...(flags.context ? { context: flags.context } : {}) };
}
async function waitOne(conn, target, out, verbose = false) {
    const id = serviceKey(target);
    const { verdict, requests } = await watchRollout({
        conn,
        target,
        onProgress: (line) => out.write(`[${id}] ${renderLine(line)}\n`),
        log: (line) => out.write(`[${id}] ${line}\n`),
    });
    out.write(`\n[${id}] ${renderVerdict(verdict).join(`\n[${id}] `)}\n\n`);
    if (verbose)
        out.write(`[${id}] ${requests} API requests while waiting (lists and watch connections)\n`);
    return verdict;
}
function exitFor(verdicts) {
    if (verdicts.some((v) => v.result === 'failed'))
        return ROLLOUT_EXIT.failed;
    if (verdicts.some((v) => v.result === 'timeout'))
        return ROLLOUT_EXIT.timeout;
    return ROLLOUT_EXIT.ok;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The command line: `rayservice-rollout plan …`. A thin shell: parse flags, load manifests, call the
 * planner, render. User errors are one line on stderr and exit status 2; never a stack trace.
 */







const VERSION = '0.1.0';
const HELP = `rayservice-rollout ${VERSION}: predict, apply and watch KubeRay RayService rollouts

Usage:
  rayservice-rollout plan --base <file|dir> --head <file|dir> [options]
  rayservice-rollout apply --base <file|dir> --head <file|dir> [options]
  rayservice-rollout wait <namespace/name> [options]
  rayservice-rollout wait --head <file|dir> [--base <file|dir>] [options]
  rayservice-rollout --help | --version

Commands:
  plan    what the KubeRay operator will do with each changed RayService
  apply   dry-run, server-side apply and wait until each rollout is really done
  wait    wait for a rollout that someone else started; with --head, for Argo CD or Flux
          to sync the head's manifests, then for each rollout

Run \`rayservice-rollout <command> --help\` for the options of a command.
`;
const EXIT = { ok: 0, internal: 1, badInput: 2 };
async function main(argv) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        writeOut(HELP);
        return command === undefined ? EXIT.badInput : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
        writeOut(`${VERSION}\n`);
        return EXIT.ok;
    }
    if (command === 'plan') {
        if (rest.includes('--help') || rest.includes('-h')) {
            writeOut(PLAN_HELP);
            return EXIT.ok;
        }
        // No defaults here: the commands take them from src/settings/, as the action does.
        const { values } = (0,external_node_util_namespaceObject.parseArgs)({
            args: rest,
            strict: true,
            options: {
                base: { type: 'string' },
                head: { type: 'string' },
                format: { type: 'string' },
                'kuberay-version': { type: 'string' },
                'zero-downtime': { type: 'string' },
                'incremental-gate': { type: 'string' },
                namespace: { type: 'string' },
                live: { type: 'boolean' },
                kubeconfig: { type: 'string' },
                context: { type: 'string' },
                timeout: { type: 'string' },
                'field-manager': { type: 'string' },
                'force-conflicts': { type: 'boolean' },
                render: { type: 'string' },
            },
        });
        return runPlan(values, process.stdout);
    }
    const rolloutOptions = {
        base: { type: 'string' },
        head: { type: 'string' },
        namespace: { type: 'string' },
        'kuberay-version': { type: 'string' },
        'zero-downtime': { type: 'string' },
        timeout: { type: 'string' },
        'field-manager': { type: 'string' },
        'force-conflicts': { type: 'boolean' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        verbose: { type: 'boolean' },
        'on-failure': { type: 'string' },
        render: { type: 'string' },
        'sync-timeout': { type: 'string' },
    };
    if (command === 'apply' || command === 'wait') {
        if (rest.includes('--help') || rest.includes('-h')) {
            writeOut(command === 'apply' ? APPLY_HELP : WAIT_HELP);
            return EXIT.ok;
        }
        const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({ args: rest, strict: true, allowPositionals: command === 'wait', options: rolloutOptions });
        return command === 'apply' ? runApply(values, process.stdout, process.stderr) : runWait(positionals[0], values, process.stdout);
    }
    throw new UsageError(`unknown command "${command}" (try --help)`);
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // Output is written (synchronously, to files and pipes); don't wait for requests abandoned on timeout.
    if (abandonedRequests() > 0)
        process.exit(code);
}, (e) => {
    if (e instanceof UserError) {
        writeErrLine(`rayservice-rollout: ${e.message}`);
        process.exitCode = EXIT.badInput;
        return;
    }
    const err = e;
    if (typeof err?.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
        writeErrLine(`rayservice-rollout: ${err.message} (try --help)`);
        process.exitCode = EXIT.badInput;
        return;
    }
    writeErr(`rayservice-rollout: internal error: ${err?.message ?? String(e)}\nThis is a bug; please report it${process.env.RAYSERVICE_ROLLOUT_DEBUG ? '' : ' (set RAYSERVICE_ROLLOUT_DEBUG=1 for the stack trace)'}.\n`);
    if (process.env.RAYSERVICE_ROLLOUT_DEBUG)
        writeErr(`${e?.stack ?? ''}\n`);
    process.exitCode = EXIT.internal;
});

var __webpack_exports__EXIT = __webpack_exports__.d;
export { __webpack_exports__EXIT as EXIT };
