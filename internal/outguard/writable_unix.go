//go:build unix

package outguard

import "syscall"

// writable asks the system whether the process may write path (access(2) W_OK): no file
// is opened or changed.
func writable(path string) bool {
	return syscall.Access(path, 0x2) == nil // W_OK
}
