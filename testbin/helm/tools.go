//go:build tools

// Package tools pins helm, the renderer of the Helm tests of plan --render.
package tools

import _ "helm.sh/helm/v3/cmd/helm"
