// Command go-shape writes the JSON "shape" of KubeRay's RayService spec types: for every Go type
// reachable from rayv1.RayServiceSpec, how encoding/json marshals it (field names, omitempty,
// pointer or value, maps, slices, embedded structs flattened, types with their own MarshalJSON).
// The planner uses it to normalise a spec the way the operator's json.Marshal sees it before it
// hashes the cluster spec (utils.GenerateHashWithoutReplicasAndWorkersToDelete).
//
// Run it inside a module that requires the operator (tools/go-shape/gen.sh does).
package main

import (
	"encoding"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	rayv1 "github.com/ray-project/kuberay/ray-operator/apis/ray/v1"
)

// Field is one JSON member of a struct.
type Field struct {
	Name      string `json:"n"`
	Type      any    `json:"t"`
	OmitEmpty bool   `json:"o,omitempty"`
	OmitZero  bool   `json:"z,omitempty"`
	Pointer   bool   `json:"p,omitempty"`
}

var (
	marshaler     = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	types         = map[string][]Field{}
)

// ref describes a type: a primitive kind name, a named struct ("pkg.Type", listed in types),
// or {"map": elem} / {"slice": elem} / {"ptr": elem}.
func ref(t reflect.Type) any {
	if t.Kind() != reflect.Pointer && (t.Implements(marshaler) || reflect.PointerTo(t).Implements(marshaler)) {
		return "custom:" + typeName(t)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return map[string]any{"ptr": ref(t.Elem())}
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "int"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "uint"
	case reflect.Float32, reflect.Float64:
		return "float"
	case reflect.Interface:
		return "any"
	case reflect.Map:
		if !(t.Key().Kind() == reflect.String || t.Key().Implements(textMarshaler)) {
			panic("map key " + t.String())
		}
		return map[string]any{"map": ref(t.Elem())}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "bytes"
		}
		return map[string]any{"slice": ref(t.Elem())}
	case reflect.Struct:
		name := typeName(t)
		if _, seen := types[name]; !seen {
			types[name] = nil // a placeholder stops recursion
			types[name] = fields(t)
		}
		return name
	}
	panic("unsupported kind " + t.String())
}

// fields lists a struct's JSON members as encoding/json does, embedded structs flattened.
func fields(t reflect.Type) []Field {
	var out []Field
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			inner := ft
			if inner.Kind() == reflect.Pointer {
				inner = inner.Elem()
			}
			if inner.Kind() == reflect.Struct {
				out = append(out, fields(inner)...)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		field := Field{Name: name, OmitEmpty: hasOpt(opts, "omitempty"), OmitZero: hasOpt(opts, "omitzero")}
		if ft.Kind() == reflect.Pointer {
			field.Pointer = true
			ft = ft.Elem()
		}
		field.Type = ref(ft)
		out = append(out, field)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}

// typeName is the package's import path and the type's name: corev1, metav1 and rayv1 are all "v1".
func typeName(t reflect.Type) string {
	return strings.TrimPrefix(t.PkgPath(), "github.com/ray-project/kuberay/ray-operator/") + "." + t.Name()
}

func hasOpt(opts, want string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}

func main() {
	roots := map[string]any{
		"RayServiceSpec": ref(reflect.TypeFor[rayv1.RayServiceSpec]()),
		"RayClusterSpec": ref(reflect.TypeFor[rayv1.RayClusterSpec]()),
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(map[string]any{"roots": roots, "types": types}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
