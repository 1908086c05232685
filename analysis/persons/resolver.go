package persons

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/baokan/baokan/corpus"
)

// Class is what an RW entry is.
type Class string

// The classes of an RW entry.
const (
	Person Class = "person" // one or more persons (run-together names are split)
	Role   Class = "role"   // a title or office: 主席, 马来西亚总理
	Event  Class = "event"  // an action or event: 接见, 会见外宾, 访华
	Other  Class = "other"  // anything else: 照片, 活动, an empty or unrecognised entry
)

// Entry is one raw RW entry with its class, the reason for it, and its persons.
type Entry struct {
	Raw     string   // as in the archive
	Class   Class    // Person, Role, Event or Other
	Reason  string   // the rule that decided, in words (for --entries)
	Persons []string // canonical names, in order; non-empty only for Person
	// Of is, for a Role entry, the person the role directly follows in the list, as the
	// indexers paired them (江泽民；主席 → 江泽民); empty otherwise.
	Of string
}

// Segmenter cuts text into words. It is the hook through which a word segmenter (such as
// analysis/segment) can split run-together names the built-in rules cannot. Cut must be
// safe for concurrent use if the Resolver is used concurrently.
type Segmenter interface {
	Cut(text string) []string
}

// SegmenterFunc adapts a function to Segmenter.
type SegmenterFunc func(text string) []string

// Cut calls f.
func (f SegmenterFunc) Cut(text string) []string { return f(text) }

// Options configure a Resolver. The zero Options use the built-in tables only.
type Options struct {
	// Aliases map a form of address or variant to a canonical name (alias → canonical);
	// they override and extend the built-in aliases. See ParseAliases.
	Aliases map[string]string
	// KnownNames are more names known to be persons: never split, used to split others.
	KnownNames []string
	// Segmenter, if not nil, is tried on run-together entries the rules cannot split.
	Segmenter Segmenter
	// NoBuiltinNames leaves out the built-in list of well-known persons, so that only
	// given and learned names (and the aliases' and corrections' targets) are known.
	NoBuiltinNames bool
	// DisambiguateByDate replaces a name borne by different persons (布什) by the one the
	// article's date points to (老布什 before 1995, 小布什 from 2000). Off, the name is kept
	// and the Reason says it is ambiguous.
	DisambiguateByDate bool
}

// nameSource says why a name is known.
type nameSource uint8

const (
	fromBuiltin nameSource = iota + 1
	fromOptions
	fromAlias
	fromLearned
)

func (s nameSource) String() string {
	switch s {
	case fromBuiltin:
		return "built-in"
	case fromOptions:
		return "given"
	case fromAlias:
		return "alias target"
	case fromLearned:
		return "learned from the corpus"
	}
	return "?"
}

// Resolver classifies RW entries. Learn must not run concurrently with anything else;
// Resolve and the other methods only read and may run from many goroutines.
type Resolver struct {
	aliases     map[string]string
	corrections map[string]string
	known       map[string]nameSource
	maxKnown    int // longest known name, alias or correction key, in runes
	minKnown    int // shortest of them, in runes, but at most 2 (the shortest name shape)
	roles       map[string]bool
	events      map[string]bool
	others      map[string]bool
	places      map[string]bool
	titles      []string // role titles, longest first
	surnames    map[rune]bool
	translit    map[rune]bool
	learned     map[string]bool // names standing alone in the RW lists learned
	seg         Segmenter
	byDate      bool
	// resolving is set by the first Resolve: from then on Learn panics, so that no list
	// is resolved before every list is learned (see Collector for the usual way).
	resolving atomic.Bool
}

// NewResolver returns a Resolver with the built-in tables and opts.
func NewResolver(opts Options) *Resolver {
	r := &Resolver{
		aliases:     make(map[string]string, len(builtinAliases)+len(opts.Aliases)),
		corrections: make(map[string]string, len(builtinCorrections)),
		known:       make(map[string]nameSource, 2*len(builtinNames)),
		learned:     make(map[string]bool),
		roles:       setOf(roleTitles),
		events:      setOf(eventWords),
		others:      setOf(otherWords),
		places:      setOf(places),
		titles:      slices.Clone(roleTitles),
		surnames:    runeSet(surnames),
		translit:    runeSet(translitChars),
		seg:         opts.Segmenter,
		minKnown:    2,
		byDate:      opts.DisambiguateByDate,
	}
	// Longest title first, so that 副主席 is stripped before 主席; ties in Unicode order.
	slices.SortFunc(r.titles, func(a, b string) int {
		if d := utf8.RuneCountInString(b) - utf8.RuneCountInString(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for k, v := range builtinCorrections {
		r.corrections[k] = v
		r.noteLen(k)
	}
	for k, v := range builtinAliases {
		r.aliases[normalizeKey(k)] = v
		r.noteLen(k)
		r.noteLen(normalizeKey(k))
	}
	for k, v := range opts.Aliases {
		r.aliases[normalizeKey(k)] = v
		r.noteLen(k)
		r.noteLen(normalizeKey(k))
	}
	if !opts.NoBuiltinNames {
		for _, n := range builtinNames {
			r.addKnown(n, fromBuiltin)
		}
	}
	for _, n := range opts.KnownNames {
		r.addKnown(strings.TrimSpace(n), fromOptions)
	}
	for _, v := range r.aliases {
		r.addKnown(v, fromAlias)
	}
	for _, v := range r.corrections {
		r.addKnown(v, fromAlias)
	}
	return r
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool, utf8.RuneCountInString(s))
	for _, c := range s {
		m[c] = true
	}
	return m
}

func (r *Resolver) noteLen(s string) {
	n := utf8.RuneCountInString(s)
	if n > r.maxKnown {
		r.maxKnown = n
	}
	if n > 0 && n < r.minKnown {
		r.minKnown = n
	}
}

func (r *Resolver) addKnown(name string, src nameSource) {
	if name == "" {
		return
	}
	if _, ok := r.known[name]; ok {
		return
	}
	name = strings.Clone(name) // not a piece of the caller's text, which it would keep alive
	r.known[name] = src
	r.noteLen(name)
}

// Learn records the names that stand alone in one article's RW list (entries that resolve
// to exactly one person without splitting), so that run-together entries elsewhere in the
// corpus can be split into them. Call it for every article before resolving any: Learn
// panics once Resolve has been called, as a list resolved before all were learned may be
// split otherwise than the same list resolved after. Collector keeps this order for you.
func (r *Resolver) Learn(rw []string) {
	if r.resolving.Load() {
		panic("persons: Resolver.Learn after Resolve: learn every RW list before resolving any")
	}
	for _, raw := range rw {
		e, learnable := r.classify(raw, false)
		if learnable && e.Class == Person && len(e.Persons) == 1 {
			p := e.Persons[0]
			r.addKnown(p, fromLearned)
			if !r.learned[p] {
				r.learned[strings.Clone(p)] = true
			}
		}
	}
}

// Learned returns the names found standing alone in the RW lists given to Learn (known
// before or not), in Unicode order: the persons "known from the RW lists" of a corpus.
func (r *Resolver) Learned() []string {
	out := make([]string, 0, len(r.learned))
	for n := range r.learned {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Aliases returns a copy of the resolver's alias table (built-in and given), keyed by
// the normalised alias.
func (r *Resolver) Aliases() map[string]string { return maps.Clone(r.aliases) }

// Resolve classifies the raw entries of one RW list. date (the article's) is used only to
// flag or disambiguate names borne by different persons; the zero Date is allowed. It ends
// learning: Learn panics after it.
func (r *Resolver) Resolve(rw []string, date corpus.Date) []Entry {
	if !r.resolving.Load() {
		r.resolving.Store(true)
	}
	out := make([]Entry, 0, len(rw))
	of := "" // the person a following role belongs to
	for _, raw := range rw {
		e, _ := r.classify(raw, true)
		if e.Class == Person {
			r.homonym(&e, date)
		}
		switch e.Class {
		case Person:
			of = e.Persons[len(e.Persons)-1]
		case Role:
			if of != "" {
				e.Of = of
				e.Reason += "; follows " + of
			}
		default:
			of = ""
		}
		out = append(out, e)
	}
	return out
}

// Canonical returns the one person name resolves to as an RW entry (毛主席 → 毛泽东), or
// name itself when it resolves to no person or to several. Like Resolve, it ends learning.
func (r *Resolver) Canonical(name string) string {
	if ps := Persons(r.Resolve([]string{name}, corpus.Date{})); len(ps) == 1 {
		return ps[0]
	}
	return name
}

// Persons returns the distinct persons of entries, in order of first appearance.
func Persons(entries []Entry) []string {
	var out []string
	for _, e := range entries {
		for _, p := range e.Persons {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// normalizeKey is the form in which entries are looked up: no spaces, Latin letters in
// lower case, full-width parentheses as they are.
func normalizeKey(s string) string {
	clean := true
	for _, c := range s {
		if unicode.IsSpace(c) || (c >= 'A' && c <= 'Z') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		switch {
		case unicode.IsSpace(c):
		case c >= 'A' && c <= 'Z':
			b.WriteRune(c + ('a' - 'A'))
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// trimEntry returns the lookup form of a raw entry: trimmed of spaces and stray
// punctuation, then normalizeKey.
func trimEntry(raw string) string {
	return normalizeKey(strings.TrimFunc(raw, func(c rune) bool {
		return unicode.IsSpace(c) || c == '、' || c == '，' || c == '。' || c == ','
	}))
}

// cutHonorific drops a trailing 等 or honorific (同志, 先生, 一行…) and says which.
func cutHonorific(n string) (rest, dropped string) {
	for _, h := range honorifics {
		if rest, ok := strings.CutSuffix(n, h); ok && rest != "" {
			return rest, h
		}
	}
	return n, ""
}

// classify applies the rules to one entry. With split false it stops before splitting
// run-together names. learnable is false when the entry needed a split, was not
// recognised or is a broken spelling: no name for Learn to take.
func (r *Resolver) classify(raw string, split bool) (e Entry, learnable bool) {
	e.Raw = raw
	whole := trimEntry(raw)
	if whole == "" {
		e.Class, e.Reason = Other, "empty entry"
		return e, true
	}
	if slices.Contains(honorifics, whole) {
		e.Class, e.Reason = Other, "honorific or 等 alone"
		return e, true
	}
	// Aliases may end like an honorific (中山先生, 毛泽东同志): look the whole entry up first.
	if p, why, ok := r.lookup(whole); ok {
		e.Class, e.Persons, e.Reason = Person, []string{p}, why
		return e, true
	}
	n, dropped := cutHonorific(whole)
	note := ""
	if dropped != "" {
		note = fmt.Sprintf(" (%s dropped)", dropped)
	}
	if p, why, ok := r.lookup(n); ok {
		e.Class, e.Persons, e.Reason = Person, []string{p}, why+note
		return e, true
	}
	switch {
	case r.roles[n]:
		e.Class, e.Reason = Role, "role title (list)"
		return e, true
	case r.events[n]:
		e.Class, e.Reason = Event, "event (list)"
		return e, true
	case r.others[n]:
		e.Class, e.Reason = Other, "other word (list)"
		return e, true
	case r.places[n]:
		e.Class, e.Reason = Other, "place or organisation (list)"
		return e, true
	}
	if split && strings.ContainsAny(n, "、，,") {
		return r.listed(raw, n), false
	}
	// Known names first: 刘少奇周恩来陈毅 is three known names, 毛主席周总理 two aliases,
	// 邓小平会见 a name and an event, before any affix, title or shape rule looks at them.
	if split {
		if ps, why, ok := r.splitKnown(n); ok {
			e.Class, e.Persons, e.Reason = Person, ps, why+note
			return e, false
		}
	}
	for _, p := range eventPrefixes {
		if len(n) > len(p) && strings.HasPrefix(n, p) {
			e.Class, e.Reason = Event, "event: starts with "+p
			return e, true
		}
	}
	for _, s := range eventSuffixes {
		if len(n) > len(s) && strings.HasSuffix(n, s) {
			e.Class, e.Reason = Event, "event: ends with "+s
			return e, true
		}
	}
	for _, s := range otherSuffixes {
		if len(n) > len(s) && strings.HasSuffix(n, s) {
			e.Class, e.Reason = Other, "other: ends with "+s
			return e, true
		}
	}
	if learnable, done := r.titled(&e, n); done {
		return e, learnable
	}
	if p, why, ok := r.shape(n); ok {
		e.Class, e.Persons, e.Reason = Person, []string{p}, why+note
		return e, true
	}
	if split {
		if ps, why, ok := r.split(n); ok {
			e.Class, e.Persons, e.Reason = Person, ps, why+note
			return e, false
		}
	}
	if hasLatin(n) && r.surnames[firstRune(n)] {
		e.Class, e.Persons = Person, []string{n}
		e.Reason = "name with pinyin for a lost character, not in the correction table"
		return e, false // not learned: a broken spelling is no name to split others by
	}
	e.Class, e.Reason = Other, "unrecognised: not a known name, title, event or name-shaped word"
	return e, false
}

// listed resolves an entry that is itself a list (毛泽东、刘少奇): each part on its own.
// It is a person entry when any part gives a person; its class is otherwise that of the
// first part.
func (r *Resolver) listed(raw, n string) Entry {
	parts := strings.FieldsFunc(n, func(c rune) bool { return c == '、' || c == '，' || c == ',' })
	e := Entry{Raw: raw}
	var why []string
	for _, part := range parts {
		pe, _ := r.classify(part, true)
		if e.Class == "" || (pe.Class == Person && e.Class != Person) {
			e.Class = pe.Class
		}
		e.Persons = append(e.Persons, pe.Persons...)
		why = append(why, part+": "+pe.Reason)
	}
	if e.Class == "" {
		e.Class = Other
	}
	e.Reason = "list inside the entry; " + strings.Join(why, "; ")
	return e
}

// lookup finds n in the alias table (first, so that a user's alias overrides even a
// built-in correction), the correction table and the known names.
func (r *Resolver) lookup(n string) (person, why string, ok bool) {
	if p, ok := r.aliases[n]; ok {
		return p, fmt.Sprintf("alias: %s → %s", n, p), true
	}
	if p, ok := r.corrections[n]; ok {
		return p, fmt.Sprintf("spelling corrected: %s → %s", n, p), true
	}
	if src, ok := r.known[n]; ok {
		return n, "known name (" + src.String() + ")", true
	}
	return "", "", false
}

// titled applies the glued-title rule. done reports whether it decided; learnable is
// classify's then.
func (r *Resolver) titled(e *Entry, n string) (learnable, done bool) {
	for _, t := range r.titles {
		if len(n) <= len(t) {
			continue
		}
		if rem, found := strings.CutSuffix(n, t); found {
			if p, why, ok := r.single(rem); ok {
				e.Class, e.Persons = Person, []string{p}
				e.Reason = fmt.Sprintf("title %s stripped; %s", t, why)
				return true, true
			}
			e.Class = Role
			switch {
			case r.isPlace(rem):
				e.Reason = fmt.Sprintf("role: %s of %s", t, rem)
			case utf8.RuneCountInString(rem) == 1 && r.surnames[firstRune(rem)]:
				e.Reason = fmt.Sprintf("role: surname + %s names no one person", t)
			default:
				e.Reason = fmt.Sprintf("role: ends with title %s", t)
			}
			return true, true
		}
		if rem, found := strings.CutPrefix(n, t); found {
			if p, why, ok := r.single(rem); ok {
				e.Class, e.Persons = Person, []string{p}
				e.Reason = fmt.Sprintf("title %s stripped; %s", t, why)
				return true, true
			}
		}
	}
	return false, false
}

// single resolves s as exactly one person: a known name, alias or correction, or by shape.
// Places are not persons even when shaped like one (马来西亚).
func (r *Resolver) single(s string) (person, why string, ok bool) {
	if p, why, ok := r.lookup(s); ok {
		return p, why, true
	}
	if r.isPlace(s) {
		return "", "", false
	}
	return r.shape(s)
}

// isPlace reports whether s names a place, office or organisation: listed, or ending with
// a place suffix (a weak one only when s is not shaped like a Chinese name).
func (r *Resolver) isPlace(s string) bool {
	if r.places[s] {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(placeSuffixes, last) ||
		(strings.ContainsRune(weakPlaceSuffixes, last) && !r.chineseShape(s))
}

// shape recognises one name by its shape: Japanese, transliterated, Chinese.
func (r *Resolver) shape(s string) (person, why string, ok bool) {
	switch {
	case r.japaneseShape(s):
		return s, "Japanese name (never split)", true
	case r.translitShape(s):
		return s, "transliterated foreign name (never split)", true
	case r.chineseShape(s):
		return s, "Chinese name shape (surname " + surnameOf(s) + ")", true
	}
	return "", "", false
}

func surnameOf(s string) string {
	for _, c := range compoundSurnames {
		if strings.HasPrefix(s, c) {
			return c
		}
	}
	return string(firstRune(s))
}

func (r *Resolver) japaneseShape(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 3 || n > 6 || !allHan(s) {
		return false
	}
	for _, j := range japaneseSurnames {
		if strings.HasPrefix(s, j) && len(s) > len(j) {
			return true
		}
	}
	return false
}

func (r *Resolver) translitShape(s string) bool {
	n := 0
	for _, c := range s {
		if c == '·' || c == '・' || c == '-' || c == '－' {
			continue
		}
		if !r.translit[c] {
			return false
		}
		n++
	}
	return n >= 2
}

func (r *Resolver) chineseShape(s string) bool {
	if !allHan(s) {
		return false
	}
	n := utf8.RuneCountInString(s)
	for _, c := range compoundSurnames {
		if strings.HasPrefix(s, c) && (n == 3 || n == 4) {
			return true
		}
	}
	return (n == 2 || n == 3) && r.surnames[firstRune(s)]
}

func allHan(s string) bool {
	for _, c := range s {
		if !unicode.Is(unicode.Han, c) {
			return false
		}
	}
	return s != ""
}

func hasLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func firstRune(s string) rune {
	c, _ := utf8.DecodeRuneInString(s)
	return c
}

// homonym flags, and with DisambiguateByDate resolves, names borne by different persons.
func (r *Resolver) homonym(e *Entry, date corpus.Date) {
	for i, p := range e.Persons {
		spans, ok := homonyms[p]
		if !ok {
			continue
		}
		d := 0
		if !date.IsZero() {
			d = date.Year*10000 + int(date.Month)*100 + date.Day
		}
		var hit *homonymSpan
		for k := range spans {
			if d >= spans[k].from && d <= spans[k].to {
				hit = &spans[k]
			}
		}
		switch {
		case hit != nil && r.byDate:
			e.Persons[i] = hit.person
			e.Reason += fmt.Sprintf("; homonym %s: by date %s → %s (%s)", p, date, hit.person, hit.who)
		case hit != nil:
			e.Reason += fmt.Sprintf("; homonym %s: different persons bear it, by date most likely %s (%s)", p, hit.person, hit.who)
		default:
			e.Reason += fmt.Sprintf("; homonym %s: different persons bear it, the date does not tell which", p)
		}
	}
}

// LazySegmenter returns a Segmenter that calls load at its first Cut: a segmenter's
// dictionary takes 0.5 to 2 s to load, and most corpora have no entry that needs it. If
// load fails, Cut returns nil and the entry stays unsplit, as without a Segmenter. It is
// safe for concurrent use when the loaded Segmenter is.
func LazySegmenter(load func() (Segmenter, error)) Segmenter {
	var once sync.Once
	var seg Segmenter
	return SegmenterFunc(func(text string) []string {
		once.Do(func() {
			if s, err := load(); err == nil {
				seg = s
			}
		})
		if seg == nil {
			return nil
		}
		return seg.Cut(text)
	})
}
