package cache

import "os"

// readFile reads the whole file into memory: the fallback where mapping is not possible.
func readFile(path string) ([]byte, func() error, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return data, func() error { return nil }, nil
}
