//go:build unix

package main

import "syscall"

// cpuSeconds is the user + system CPU time of this process so far, so that the floor can be
// compared in CPU time too when other processes share the machine.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
