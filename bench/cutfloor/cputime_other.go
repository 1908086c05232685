//go:build !unix

package main

// cpuSeconds is not measured outside Unix: 0.
func cpuSeconds() float64 { return 0 }
