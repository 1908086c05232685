//go:build unix

package corpus

import (
	"io/fs"
	"os"
	"syscall"
)

// statID returns the identity (device and inode) of the file or folder name, following
// symbolic links.
func statID(name string) (fileID, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(name, &st); err != nil {
		return fileID{}, false
	}
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}

// readDisk reads the regular file name whole if it holds at most whole bytes, and
// otherwise returns it open (big) to be streamed; id is its device and inode. It opens
// without blocking, so that a FIFO met in a race with the walk cannot hang the read, and
// refuses what is not a regular file (errNotRegularFile).
//
// It makes four system calls (open, fstat, read, close) and reads into a buffer of the
// file's size: os.ReadFile makes more (os.Open adds fcntl and an attempt to register the
// file with the network poller), and a corpus is hundreds of thousands of small files.
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
	id = fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		syscall.Close(fd)
		return nil, nil, id, &fs.PathError{Op: "read", Path: name, Err: errNotRegularFile}
	}
	if st.Size > whole {
		return nil, os.NewFile(uintptr(fd), name), id, nil
	}
	defer syscall.Close(fd)
	// One byte more than the size, so that the read that fills the file's size also sees
	// the end when the file has not grown.
	buf := make([]byte, 0, st.Size+1)
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
	return buf, nil, id, nil
}
