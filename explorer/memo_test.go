package explorer

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestMemo: results are kept within the byte budget, least recently used out first; one
// computation serves every concurrent asker; errors are not kept; a request whose time is
// up gets ErrTimeout.
func TestMemo(t *testing.T) {
	m := newMemo(250, time.Second)
	ctx := context.Background()
	var computed atomic.Int32
	get := func(key string) any {
		v, err := m.get(ctx, key, nil, func(ctx context.Context) (any, int64, error) { computed.Add(1); return key, 100, nil })
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	get("a")
	get("b")
	get("a") // a is now the most recently used
	get("c") // 300 bytes > 250: b goes
	if n := computed.Load(); n != 3 {
		t.Errorf("%d computations, want 3", n)
	}
	if _, ok := m.cache.Peek("b"); ok || m.bytes != 200 {
		t.Errorf("b kept (%v) or %d bytes, want 200", ok, m.bytes)
	}
	get("a")
	if n := computed.Load(); n != 3 {
		t.Errorf("a computed again")
	}

	// Concurrent askers of one key: one computation.
	computed.Store(0)
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			v, err := m.get(ctx, "slow", nil, func(ctx context.Context) (any, int64, error) { computed.Add(1); <-release; return 7, 8, nil })
			if err != nil || v != 7 {
				t.Errorf("%v %v", v, err)
			}
		})
	}
	for m.inflightLen() == 0 {
	}
	close(release)
	wg.Wait()
	if n := computed.Load(); n != 1 {
		t.Errorf("%d computations of one key, want 1", n)
	}

	boom := errors.New("boom")
	if _, err := m.get(ctx, "e", nil, func(ctx context.Context) (any, int64, error) { return nil, 0, boom }); err != boom {
		t.Errorf("error %v", err)
	}
	if _, ok := m.cache.Peek("e"); ok {
		t.Errorf("an error was kept")
	}
	done, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := m.get(done, "late", nil, func(ctx context.Context) (any, int64, error) { return 1, 1, nil }); err != ErrTimeout {
		t.Errorf("after the time limit: %v", err)
	}
}

func (m *memo) inflightLen() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.inflight)
}
