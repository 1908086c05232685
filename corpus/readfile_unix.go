//go:build unix

package corpus

import (
	"io/fs"
	"os"
	"sync"
	"syscall"
)

// readBuffers are the buffers readDisk reads into before copying out exactly the file.
var readBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// statID returns the identity (device and inode) of the file or folder name, following
// symbolic links.
func statID(name string) (fileID, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(name, &st); err != nil {
		return 0, false
	}
	return diskID(uint64(st.Dev), uint64(st.Ino)), true
}

// readDisk reads the regular file name whole if it holds at most whole bytes, and
// otherwise returns it open (big) to be streamed; id is its device and inode. It opens
// without blocking, so that a FIFO met in a race with the walk cannot hang the read, and
// refuses what is not a regular file (errNotRegularFile).
//
// It makes four kinds of system call (open, fstat, read until the end, close) where
// os.ReadFile makes more (os.Open adds fcntl and an attempt to register the file with the
// network poller), and a corpus is hundreds of thousands of small files. It reads into a
// pooled buffer and copies out exactly the file (a fresh buffer of the file's size would
// be cleared first, which costs more than the copy).
func readDisk(name string, whole int64) (data []byte, big *os.File, id fileID, err error) {
	var fd int
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, nil, id, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return nil, nil, id, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	id = diskID(uint64(st.Dev), uint64(st.Ino))
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		syscall.Close(fd)
		return nil, nil, id, &fs.PathError{Op: "read", Path: name, Err: errNotRegularFile}
	}
	if st.Size > whole {
		return nil, os.NewFile(uintptr(fd), name), id, nil
	}
	defer syscall.Close(fd)
	bp := readBuffers.Get().(*[]byte)
	buf := (*bp)[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, nil, id, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	data = make([]byte, len(buf))
	copy(data, buf)
	if cap(buf) <= 1<<20 { // a large file does not keep its buffer alive
		*bp = buf
		readBuffers.Put(bp)
	}
	return data, nil, id, nil
}
