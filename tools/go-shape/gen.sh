#!/usr/bin/env bash
# Writes src/kuberay/go-json/shape-<release>.json for every wrapper module testbin/kuberay-v*/:
# builds tools/go-shape/main.go against that module's operator version (its go.mod and go.sum,
# copied into a scratch folder, since Go builds only packages inside the main module).
#   tools/go-shape/gen.sh            # every testbin/kuberay-v*/
#   tools/go-shape/gen.sh 1.6.2      # one
#   tools/go-shape/gen.sh 1.4.0      # a release the module proxy serves without a testbin wrapper
#   KUBERAY_GIT=<kuberay clone> tools/go-shape/gen.sh 1.7.0
#                                    # a release whose module zip the proxy does not serve (1.3.2,
#                                    # 1.4.2, 1.7.0 here): its ray-operator/ tree from the tag
#                                    # ray-operator/v<release>, the dependencies from the proxy
# (then biome formats the JSON: npx biome format --write src/kuberay/go-json/)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
versions=("$@")
if [ ${#versions[@]} -eq 0 ]; then
  for d in "$root"/testbin/kuberay-v*/; do v=${d%/}; versions+=("${v##*/kuberay-v}"); done
fi
for v in "${versions[@]}"; do
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  if [ -f "$root/testbin/kuberay-v$v/go.mod" ]; then
    cp "$root/testbin/kuberay-v$v/go.mod" "$root/testbin/kuberay-v$v/go.sum" "$scratch/"
  elif [ -n "${KUBERAY_GIT:-}" ]; then
    git -C "$KUBERAY_GIT" archive "ray-operator/v$v" ray-operator | tar -x -C "$scratch"
    printf 'module go-shape\n\ngo 1.26.0\n\nrequire github.com/ray-project/kuberay/ray-operator v%s\n\nreplace github.com/ray-project/kuberay/ray-operator => ./ray-operator\n' "$v" > "$scratch/go.mod"
  else
    # A release without a testbin wrapper (1.4.0): a module that requires just the operator.
    printf 'module go-shape\n\ngo 1.26.0\n\nrequire github.com/ray-project/kuberay/ray-operator v%s\n' "$v" > "$scratch/go.mod"
  fi
  cp "$root/tools/go-shape/main.go" "$scratch/"
  (cd "$scratch" && GOFLAGS=-mod=mod go run .) > "$root/src/kuberay/go-json/shape-$v.json"
  rm -rf "$scratch"
  echo "src/kuberay/go-json/shape-$v.json" >&2
done
