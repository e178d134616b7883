//go:build tools

// Package tools pins the KubeRay operator binary (and its CRDs) that the tests build from this module.
package tools

import _ "github.com/ray-project/kuberay/ray-operator"
