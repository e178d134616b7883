//go:build tools

// Package tools pins the etcd server binary that the tests build from this module.
package tools

import _ "go.etcd.io/etcd/server/v3"
