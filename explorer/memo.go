package explorer

import (
	"context"
	"errors"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
)

// DefaultCacheBytes bounds what the explorer keeps of the results it computed (256 MiB).
const DefaultCacheBytes = 256 << 20

// memo keeps computed results, least recently used out first once their sizes add up to
// more than budget bytes; a result being computed is computed once, whoever else asks.
type memo struct {
	mu       sync.Mutex
	cache    *lru.Cache[string, memoEntry]
	bytes    int64
	budget   int64
	inflight map[string]*call
	limit    time.Duration // a computation's time limit
}

type memoEntry struct {
	v    any
	size int64
}

type call struct {
	done chan struct{}
	v    any
	err  error
}

func newMemo(budget int64, limit time.Duration) *memo {
	m := &memo{budget: budget, limit: limit, inflight: map[string]*call{}}
	// The count bound is only a backstop: the byte budget evicts first.
	m.cache, _ = lru.NewWithEvict(1<<16, func(_ string, e memoEntry) { m.bytes -= e.size })
	return m
}

// get returns the result under key, computing it with compute (which gives its size in
// bytes) when it is not kept; errors are not kept.
//
// With busy nil, compute runs on the caller's goroutine with ctx (a part of a larger
// computation). Otherwise busy is taken for the computation (a token per computation
// running), or ctx's end gives ErrTimeout; once started, the computation has limit of its
// own, whether its asker waits for it or not (its asker's wait for a turn is not counted
// against it, and its result serves the next asker): it is stopped at limit.
func (m *memo) get(ctx context.Context, key string, busy chan struct{}, compute func(context.Context) (any, int64, error)) (any, error) {
	m.mu.Lock()
	if e, ok := m.cache.Get(key); ok {
		m.mu.Unlock()
		return e.v, nil
	}
	if ctx.Err() != nil {
		m.mu.Unlock()
		return nil, ErrTimeout
	}
	if cl, ok := m.inflight[key]; ok {
		m.mu.Unlock()
		select {
		case <-cl.done:
			if cl.err == errNotStarted && ctx.Err() == nil {
				return m.get(ctx, key, busy, compute) // its asker's time ran out before its turn
			}
			return cl.v, cl.err
		case <-ctx.Done():
			return nil, ErrTimeout
		}
	}
	cl := &call{done: make(chan struct{})}
	m.inflight[key] = cl
	m.mu.Unlock()

	run := func(ctx context.Context) {
		var size int64
		cl.v, size, cl.err = compute(ctx)
		if cl.err != nil {
			cl.v = nil
		}
		m.finish(key, cl, size)
	}
	if busy == nil {
		run(ctx)
		return cl.v, cl.err
	}
	select {
	case busy <- struct{}{}:
	case <-ctx.Done():
		cl.err = errNotStarted
		m.finish(key, cl, 0)
		return nil, ErrTimeout
	}
	go func() {
		defer func() { <-busy }()
		cctx, cancel := context.WithTimeout(context.Background(), m.limit)
		defer cancel()
		run(cctx)
	}()
	select {
	case <-cl.done:
		return cl.v, cl.err
	case <-ctx.Done():
		return nil, ErrTimeout
	}
}

// errNotStarted ends a call whose asker's time ran out before its turn.
var errNotStarted = errors.New("not started")

func (m *memo) finish(key string, cl *call, size int64) {
	m.mu.Lock()
	delete(m.inflight, key)
	if cl.err == nil && size <= m.budget {
		m.cache.Add(key, memoEntry{cl.v, size})
		m.bytes += size
		for m.bytes > m.budget {
			m.cache.RemoveOldest()
		}
	}
	m.mu.Unlock()
	close(cl.done)
}
