//go:build !unix

package corpus

import "os"

func readFile(name string) ([]byte, error) { return os.ReadFile(name) }
