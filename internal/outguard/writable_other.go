//go:build !unix

package outguard

import "os"

// writable is approximated by the permission bits where access(2) is missing.
func writable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().Perm()&0o200 != 0
}
