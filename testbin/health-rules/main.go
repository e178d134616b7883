// health-rules runs the health rules of deploy/argocd (Lua) and deploy/flux (CEL) against RayService
// objects, in the interpreters the controllers embed: gopher-lua for Argo CD, cel-go for Flux.
//
// Input (stdin, JSON): {"lua": "<script>", "cel": {"current": "…", "inProgress": "…", "failed": "…"},
// "objects": [<RayService>, …]}. Output (stdout, JSON): one result per object, in order:
// {"argocd": {"status": "…", "message": "…"}, "flux": "Current|InProgress|Failed"}.
//
// It mirrors how each controller calls its rules, not their code: Argo CD sets the global `obj` to
// the live object and reads the table the script returns (status, message) in a VM with only the
// base, table, string and math libraries; Flux first reports InProgress when status.observedGeneration
// differs from metadata.generation, then evaluates inProgress, failed and current in that order
// (the first true wins, none true is InProgress), with the object's top-level fields as variables and
// the CEL options and extensions its runtime enables.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/ext"
	lua "github.com/yuin/gopher-lua"
)

type request struct {
	Lua     string            `json:"lua"`
	CEL     map[string]string `json:"cel"`
	Objects []map[string]any  `json:"objects"`
}

type argoResult struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

type result struct {
	ArgoCD argoResult `json:"argocd"`
	Flux   string     `json:"flux"`
	Error  string     `json:"error,omitempty"`
}

func main() {
	var req request
	if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
		fail(fmt.Errorf("reading the request: %w", err))
	}
	out := make([]result, 0, len(req.Objects))
	for _, obj := range req.Objects {
		var r result
		a, err := runLua(req.Lua, obj)
		if err != nil {
			r.Error = "lua: " + err.Error()
		}
		r.ArgoCD = a
		f, err := runCEL(req.CEL, obj)
		if err != nil {
			r.Error += "cel: " + err.Error()
		}
		r.Flux = f
		out = append(out, r)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "health-rules:", err)
	os.Exit(1)
}

func runLua(script string, obj map[string]any) (argoResult, error) {
	L := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer L.Close()
	for _, lib := range []struct {
		name string
		open lua.LGFunction
	}{{lua.BaseLibName, lua.OpenBase}, {lua.TabLibName, lua.OpenTable}, {lua.StringLibName, lua.OpenString}, {lua.MathLibName, lua.OpenMath}} {
		L.Push(L.NewFunction(lib.open))
		L.Push(lua.LString(lib.name))
		L.Call(1, 0)
	}
	L.SetGlobal("obj", toLua(L, obj))
	if err := L.DoString(script); err != nil {
		return argoResult{}, err
	}
	t, ok := L.Get(-1).(*lua.LTable)
	if !ok {
		return argoResult{}, fmt.Errorf("the script returned %s, not a table", L.Get(-1).Type())
	}
	return argoResult{Status: lua.LVAsString(t.RawGetString("status")), Message: lua.LVAsString(t.RawGetString("message"))}, nil
}

func toLua(L *lua.LState, v any) lua.LValue {
	switch x := v.(type) {
	case nil:
		return lua.LNil
	case bool:
		return lua.LBool(x)
	case float64:
		return lua.LNumber(x)
	case string:
		return lua.LString(x)
	case []any:
		t := L.NewTable()
		for _, e := range x {
			t.Append(toLua(L, e))
		}
		return t
	case map[string]any:
		t := L.NewTable()
		for k, e := range x {
			t.RawSetString(k, toLua(L, e))
		}
		return t
	}
	return lua.LNil
}

func runCEL(exprs map[string]string, obj map[string]any) (string, error) {
	if inProgressByGeneration(obj) {
		return "InProgress", nil
	}
	env, err := cel.NewEnv(
		cel.HomogeneousAggregateLiterals(),
		cel.EagerlyValidateDeclarations(true),
		cel.DefaultUTCTimeZone(true),
		cel.CrossTypeNumericComparisons(true),
		cel.OptionalTypes(),
		ext.Strings(),
		ext.Sets(),
		ext.Encoders(),
	)
	if err != nil {
		return "", err
	}
	for _, e := range []struct{ key, status string }{{"inProgress", "InProgress"}, {"failed", "Failed"}, {"current", "Current"}} {
		src := exprs[e.key]
		if src == "" {
			continue
		}
		ast, iss := env.Parse(src)
		if iss != nil && iss.Err() != nil {
			return "", fmt.Errorf("%s: %w", e.key, iss.Err())
		}
		prg, err := env.Program(ast)
		if err != nil {
			return "", fmt.Errorf("%s: %w", e.key, err)
		}
		val, _, err := prg.Eval(obj)
		if err != nil {
			return "", fmt.Errorf("%s: %w", e.key, err)
		}
		if b, ok := val.Value().(bool); ok && b {
			return e.status, nil
		}
	}
	return "InProgress", nil
}

func inProgressByGeneration(obj map[string]any) bool {
	status, _ := obj["status"].(map[string]any)
	meta, _ := obj["metadata"].(map[string]any)
	observed, ok := status["observedGeneration"].(float64)
	if !ok {
		return false
	}
	generation, ok := meta["generation"].(float64)
	return ok && observed != generation
}
