#!/usr/bin/env bash
# Regenerates the wrapper modules' go.mod/go.sum from versions.env. Needs the Go module proxy.
# kube-apiserver cannot be `go install`ed (k8s.io/kubernetes replaces its staging modules with
# ./staging): the wrapper replaces each of them with its published v0.Y.Z, derived from the
# go.mod that k8s.io/kubernetes itself publishes, so the list is never maintained by hand.
set -euo pipefail
cd "$(dirname "$0")"
. ./versions.env
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

gomod_of() { go mod download -json "$1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.GoMod)})'; }

staging_version="v0.${K8S_VERSION#v1.}"
kmod=$(gomod_of "k8s.io/kubernetes@$K8S_VERSION")
{
  echo "module rayservice-rollout/testbin/kube"
  echo
  echo "go 1.26.0"
  echo
  echo "require k8s.io/kubernetes $K8S_VERSION"
  echo
  echo "replace ("
  sed -n 's|^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/.*|\1|p' "$kmod" | sort -u |
    while read -r m; do printf '\t%s => %s %s\n' "$m" "$m" "$staging_version"; done
  echo ")"
} > kube/go.mod
cat > kube/tools.go <<'GO'
//go:build tools

// Package tools pins the binaries that the tests build from this module.
package tools

import _ "k8s.io/kubernetes/cmd/kube-apiserver"
GO
(cd kube && go mod tidy)

cat > etcd/go.mod <<GO
module rayservice-rollout/testbin/etcd

go 1.26.0

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
GO
cat > etcd/tools.go <<'GO'
//go:build tools

// Package tools pins the etcd server binary that the tests build from this module.
package tools

import _ "go.etcd.io/etcd/server/v3"
GO
(cd etcd && go mod tidy)

for v in $KUBERAY_VERSIONS; do
  d="kuberay-$v"; mkdir -p "$d"
  cat > "$d/go.mod" <<GO
module rayservice-rollout/testbin/$d

go 1.26.0

require github.com/ray-project/kuberay/ray-operator $v
GO
  cat > "$d/tools.go" <<'GO'
//go:build tools

// Package tools pins the KubeRay operator binary (and its CRDs) that the tests build from this module.
package tools

import _ "github.com/ray-project/kuberay/ray-operator"
GO
  (cd "$d" && go mod tidy)
done

cat > act/go.mod <<GO
module rayservice-rollout/testbin/act

go 1.26.0

require github.com/nektos/act $ACT_VERSION
GO
cat > act/tools.go <<'GO'
//go:build tools

// Package tools pins nektos/act, the GitHub Actions runner the workflow tests run the examples with.
package tools

import _ "github.com/nektos/act"
GO
(cd act && go mod tidy)
