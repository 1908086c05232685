//go:build linux || darwin || freebsd || netbsd || openbsd

package cache

import (
	"os"
	"syscall"
)

// mapFile maps the file at path read-only into memory; unmap releases it. An empty file
// is read normally (mmap refuses length 0).
func mapFile(path string) (data []byte, unmap func() error, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := info.Size()
	if size == 0 || size != int64(int(size)) {
		return readFile(path)
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return readFile(path) // a file system without mmap
	}
	return data, func() error { return syscall.Munmap(data) }, nil
}
