//go:build tools

// Package tools pins nektos/act, the GitHub Actions runner the workflow tests run the examples with.
package tools

import _ "github.com/nektos/act"
