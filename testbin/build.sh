#!/usr/bin/env bash
# Builds the local control plane's binaries on first use and caches them by version, outside the
# work tree: $RAYSERVICE_ROLLOUT_TESTBIN (default ~/.cache/rayservice-rollout/testbin)/<name>-<version>/.
# A warm cache makes this a no-op. Prints the directory of each binary on stdout as NAME=PATH lines.
#   testbin/build.sh                  # everything
#   testbin/build.sh etcd kube-apiserver kuberay-v1.6.2
#   testbin/build.sh act              # the GitHub Actions runner of the workflow tests
#   testbin/build.sh kustomize helm health-rules   # the renderers and the health-rule interpreters
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/versions.env"
cache="${RAYSERVICE_ROLLOUT_TESTBIN:-$HOME/.cache/rayservice-rollout/testbin}"

if ! command -v go >/dev/null 2>&1; then
  echo "testbin: Go is not installed (need Go >= 1.26 on PATH, and the Go module proxy) — the control-plane tests cannot run without it." >&2
  exit 3
fi
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -buildvcs=false -mod=readonly"

log() { printf '[testbin %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# build NAME VERSION MODULE_DIR PACKAGE [LDFLAGS]
build() {
  local name=$1 version=$2 dir=$3 pkg=$4 ldflags=${5:-}
  local out="$cache/$name-$version"
  if [ -x "$out/$name" ]; then
    echo "$name=$out/$name"; return
  fi
  log "building $name $version (first use; cached in $out afterwards)…"
  local start=$SECONDS tmp
  mkdir -p "$out"; tmp=$(mktemp "$out/.$name.XXXXXX")
  (cd "$here/$dir" && go mod download && go build -ldflags "-s -w $ldflags" -o "$tmp" "$pkg") >&2
  mv "$tmp" "$out/$name"
  log "built $name $version in $((SECONDS - start)) s"
  echo "$name=$out/$name"
}

minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
kube_ldflags="-X k8s.io/component-base/version.gitVersion=$K8S_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/client-go/pkg/version.gitVersion=$K8S_VERSION"

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(etcd kube-apiserver $(for v in $KUBERAY_VERSIONS; do echo "kuberay-$v"; done) act kustomize helm health-rules)
for w in "${wanted[@]}"; do
  case $w in
    etcd) build etcd "$ETCD_VERSION" etcd go.etcd.io/etcd/server/v3 ;;
    kube-apiserver) build kube-apiserver "$K8S_VERSION" kube k8s.io/kubernetes/cmd/kube-apiserver "$kube_ldflags" ;;
    act) build act "$ACT_VERSION" act github.com/nektos/act "-X main.version=$ACT_VERSION" ;;
    kustomize) build kustomize "$KUSTOMIZE_VERSION" kustomize sigs.k8s.io/kustomize/kustomize/v5 ;;
    helm) build helm "$HELM_VERSION" helm helm.sh/helm/v3/cmd/helm "-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION" ;;
    # Our own program: cached by the hash of its sources, so an edit rebuilds it.
    health-rules) build health-rules "$(cat "$here/health-rules/go.sum" "$here/health-rules/main.go" | sha256sum | cut -c1-12)" health-rules . ;;
    kuberay-v*)
      v=${w#kuberay-}
      [ -d "$here/kuberay-$v" ] || { echo "testbin: no wrapper module testbin/kuberay-$v (known: $KUBERAY_VERSIONS)" >&2; exit 2; }
      build kuberay-operator "$v" "kuberay-$v" github.com/ray-project/kuberay/ray-operator
      # The CRDs of that release, from the same module, for the harness to install.
      crd_src=$(cd "$here/kuberay-$v" && go list -m -json github.com/ray-project/kuberay/ray-operator | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))')
      echo "kuberay-crds-$v=$crd_src/config/crd/bases"
      ;;
    *) echo "testbin: unknown binary '$w' (etcd, kube-apiserver, kuberay-vX.Y.Z, act, kustomize, helm, health-rules)" >&2; exit 2 ;;
  esac
done
