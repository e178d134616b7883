//go:build tools

// Package tools pins kustomize, the renderer of the kustomize tests of plan --render.
package tools

import _ "sigs.k8s.io/kustomize/kustomize/v5"
