#!/usr/bin/env bash
# The git commands of actions/checkout v4 (see action.yml beside this file).
set -euo pipefail
trace() { echo "[command]git $*"; git "$@"; }

ws=$(cd "$GITHUB_WORKSPACE" && mkdir -p "$INPUT_PATH" && cd "$INPUT_PATH" && pwd)
url="$GITHUB_SERVER_URL/$INPUT_REPOSITORY"
ref=$INPUT_REF commit=
# The default self-checkout: the ref and SHA GitHub set for the event (an unqualified ref, as on a
# closed pull request, is a branch). A 40-hex `ref` input is a commit.
if [ -z "$ref" ] && [ "$INPUT_REPOSITORY" = "$GITHUB_REPOSITORY" ]; then
  ref=$GITHUB_REF commit=$GITHUB_SHA
  case $ref in refs/*) ;; *) ref="refs/heads/$ref" ;; esac
elif [[ $ref =~ ^[0-9a-fA-F]{40}$ ]]; then
  commit=$ref ref=
fi

# getRefSpec / getRefSpecForAllHistory
refspecs=()
if [ "$INPUT_FETCH_DEPTH" -le 0 ]; then
  refspecs=('+refs/heads/*:refs/remotes/origin/*' '+refs/tags/*:refs/tags/*')
  case $ref in refs/pull/*) refspecs+=("+${commit:-$ref}:refs/remotes/pull/${ref#refs/pull/}") ;; esac
elif [ -n "$commit" ]; then
  case $ref in
    refs/heads/*) refspecs=("+$commit:refs/remotes/origin/${ref#refs/heads/}") ;;
    refs/pull/*) refspecs=("+$commit:refs/remotes/pull/${ref#refs/pull/}") ;;
    refs/tags/*) refspecs=("+$ref:$ref") ;;
    *) refspecs=("$commit") ;;
  esac
else
  case $ref in
    refs/heads/*) refspecs=("+$ref:refs/remotes/origin/${ref#refs/heads/}") ;;
    refs/pull/*) refspecs=("+$ref:refs/remotes/pull/${ref#refs/pull/}") ;;
    refs/tags/*) refspecs=("+$ref:$ref") ;;
    *) refspecs=("+refs/heads/$ref*:refs/remotes/origin/$ref*" "+refs/tags/$ref*:refs/tags/$ref*") ;;
  esac
fi

# getCheckoutInfo
start=
case $ref in
  '') checkout_ref=$commit ;;
  refs/heads/*) checkout_ref=${ref#refs/heads/} start="refs/remotes/origin/${ref#refs/heads/}" ;;
  refs/pull/*) checkout_ref="refs/remotes/pull/${ref#refs/pull/}" ;;
  refs/tags/*) checkout_ref=$ref ;;
  refs/*) checkout_ref=${commit:-$ref} ;;
  *) checkout_ref=$ref start="refs/remotes/origin/$ref" ;;
esac

trace version
trace config --global --add safe.directory "$ws"
trace init "$ws"
cd "$ws"
trace remote add origin "$url"
trace config --local gc.auto 0
header="http.$GITHUB_SERVER_URL/.extraheader"
trace config --local "$header" "AUTHORIZATION: basic $(printf 'x-access-token:%s' "$INPUT_TOKEN" | base64 -w0)"
depth=()
if [ "$INPUT_FETCH_DEPTH" -gt 0 ]; then depth=("--depth=$INPUT_FETCH_DEPTH"); fi
trace -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules "${depth[@]}" origin "${refspecs[@]}"
if [ -n "$start" ]; then
  trace checkout --progress --force -B "$checkout_ref" "$start"
else
  trace checkout --progress --force "$checkout_ref"
fi
trace log -1 --format=%H
if [ "$INPUT_PERSIST_CREDENTIALS" != true ]; then trace config --local --unset-all "$header"; fi
