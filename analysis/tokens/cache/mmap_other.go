//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package cache

// mapFile reads the whole file: this system has no mmap we use.
func mapFile(path string) (data []byte, unmap func() error, err error) { return readFile(path) }
