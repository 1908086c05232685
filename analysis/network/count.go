package network

import "sync"

// Count counts the documents doc(0) … doc(n−1), in that order, then those rest gives (nil:
// none), into a Builder over all and, unless by is the zero SliceBy, a SliceBuilder. The
// n documents are cut into one contiguous share a worker (one worker below 1,000 a worker),
// each share is counted by Builders of its own, and the partial counts are merged in order:
// the same network as counting them all in one, whatever the workers. rest is counted by
// the last worker, after its share (documents without persons count toward N only).
func Count(n int, doc func(i int) Doc, rest func(add func(Doc)), by SliceBy, workers int) (*Builder, *SliceBuilder, error) {
	workers = min(max(1, workers), max(1, n/1000))
	wholes := make([]*Builder, workers)
	sliced := make([]*SliceBuilder, workers)
	for w := range workers {
		wholes[w] = NewBuilder()
		if by != (SliceBy{}) {
			var err error
			if sliced[w], err = NewSliceBuilder(by); err != nil {
				return nil, nil, err
			}
		}
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			add := func(d Doc) {
				wholes[w].Add(d)
				if sliced[w] != nil {
					sliced[w].Add(d)
				}
			}
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				add(doc(i))
			}
			if w == workers-1 && rest != nil {
				rest(add)
			}
		})
	}
	wg.Wait()
	for w := 1; w < workers; w++ {
		wholes[0].Merge(wholes[w])
		if sliced[0] != nil {
			if err := sliced[0].Merge(sliced[w]); err != nil {
				return nil, nil, err
			}
		}
	}
	return wholes[0], sliced[0], nil
}
