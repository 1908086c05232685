// Package segeval scores a word segmentation against a gold standard the way the SIGHAN
// bakeoffs do.
//
// Reference: Thomas Emerson, "The Second International Chinese Word Segmentation Bakeoff",
// Proceedings of the Fourth SIGHAN Workshop on Chinese Language Processing, Jeju, 2005,
// pp. 123–133, and the bakeoff's scoring script (icwb2-data/scripts/score). Its measures, with
// G the gold words, S the system's words and C the system's words that are correct:
//
//	P = |C| / |S|                       (TOTAL TEST WORDS PRECISION)
//	R = |C| / |G|                       (TOTAL TRUE WORDS RECALL)
//	F = 2PR / (P + R)                   (F MEASURE)
//	OOV rate   = |G_oov| / |G|          (OOV Rate; G_oov: gold words not in the training words)
//	OOV recall = |C ∩ G_oov| / |G_oov|  (OOV Recall Rate)
//	IV recall  = |C ∩ G_iv| / |G_iv|    (IV Recall Rate; G_iv = G − G_oov)
//
// A system word is correct when a gold word has the same start and end character offsets (the
// script aligns the two word lists with diff, which amounts to the same for texts that agree
// character for character). Both segmentations must cover the same characters; whitespace is
// part of neither.
package segeval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Result holds the counts and the SIGHAN measures. Rates are fractions in [0, 1]; a rate whose
// denominator is 0 is 0.
type Result struct {
	Precision, Recall, F1        float64
	OOVRate, OOVRecall, IVRecall float64

	GoldWords, TestWords, Correct int // |G|, |S|, |C|
	GoldOOV, CorrectOOV           int // |G_oov|, |C ∩ G_oov|
}

// ErrTextMismatch is wrapped by Score's error when the two segmentations do not hold the same
// characters.
var ErrTextMismatch = errors.New("segmentations differ in their text")

// Score compares test with gold (gold[i] and test[i] are the words of line i) and returns the
// SIGHAN measures. trainingWords decides which gold words are out of vocabulary (nil: every
// gold word is OOV).
//
// Lines are read one after the other as one stream of words, as the bakeoff's script does (it
// aligns the two word lists with diff), so a character that one file puts at the end of a line
// and the other at the start of the next counts the same (the MSR gold does this with the
// opening quote of 8 lines). The two streams must hold the same characters, else the error
// wraps ErrTextMismatch and names the first gold line that differs (1-based).
func Score(gold, test [][]string, trainingWords map[string]struct{}) (Result, error) {
	var r Result
	// goldEnd[o] is the end offset (in characters) of the gold word starting at offset o,
	// or 0 when none starts there.
	var goldEnd []int32
	var goldText strings.Builder
	pos := int32(0)
	for _, line := range gold {
		for _, w := range line {
			n := int32(utf8.RuneCountInString(w))
			if n == 0 {
				continue
			}
			for int32(len(goldEnd)) <= pos {
				goldEnd = append(goldEnd, 0)
			}
			goldEnd[pos] = pos + n
			pos += n
			goldText.WriteString(w)
			r.GoldWords++
			if _, iv := trainingWords[w]; !iv {
				r.GoldOOV++
			}
		}
	}
	gt := goldText.String()

	pos = 0
	byteOff := 0
	for _, line := range test {
		for _, w := range line {
			n := int32(utf8.RuneCountInString(w))
			if n == 0 {
				continue
			}
			if !strings.HasPrefix(gt[byteOff:], w) {
				return Result{}, fmt.Errorf("gold line %d: %w", goldLine(gold, byteOff), ErrTextMismatch)
			}
			byteOff += len(w)
			r.TestWords++
			if pos < int32(len(goldEnd)) && goldEnd[pos] == pos+n {
				r.Correct++
				if _, iv := trainingWords[w]; !iv {
					r.CorrectOOV++
				}
			}
			pos += n
		}
	}
	if byteOff != len(gt) {
		return Result{}, fmt.Errorf("gold line %d: test text ends early: %w", goldLine(gold, byteOff), ErrTextMismatch)
	}
	r.Precision = ratio(r.Correct, r.TestWords)
	r.Recall = ratio(r.Correct, r.GoldWords)
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	r.OOVRate = ratio(r.GoldOOV, r.GoldWords)
	r.OOVRecall = ratio(r.CorrectOOV, r.GoldOOV)
	r.IVRecall = ratio(r.Correct-r.CorrectOOV, r.GoldWords-r.GoldOOV)
	return r, nil
}

// goldLine returns the 1-based gold line holding byte offset off of the joined gold text.
func goldLine(gold [][]string, off int) int {
	for i, line := range gold {
		for _, w := range line {
			off -= len(w)
		}
		if off < 0 {
			return i + 1
		}
	}
	return len(gold)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ReadSegmented reads a segmented text: one line per input line (kept even when empty, so that
// lines stay aligned), words separated by runs of white space (ASCII space, tab, U+3000
// IDEOGRAPHIC SPACE), UTF-8 with an optional byte order mark. Lines may be of any length.
func ReadSegmented(r io.Reader) ([][]string, error) {
	var lines [][]string
	err := eachLine(r, func(line string) {
		lines = append(lines, strings.FieldsFunc(line, unicode.IsSpace))
	})
	return lines, err
}

// ReadLines reads unsegmented text, one string per line, without the line ends.
func ReadLines(r io.Reader) ([]string, error) {
	var lines []string
	err := eachLine(r, func(line string) { lines = append(lines, line) })
	return lines, err
}

// ReadWordList reads a word list (the bakeoff's *_training_words files): one word a line,
// surrounding white space trimmed, blank lines skipped.
func ReadWordList(r io.Reader) (map[string]struct{}, error) {
	words := make(map[string]struct{})
	err := eachLine(r, func(line string) {
		if w := strings.TrimSpace(line); w != "" {
			words[w] = struct{}{}
		}
	})
	return words, err
}

// eachLine calls f with every line of r, without "\n" or "\r\n"; a first-line BOM is dropped.
func eachLine(r io.Reader, f func(string)) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if err == io.EOF && line == "" {
			return nil
		}
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		line = strings.TrimSuffix(line, "\n")
		line = strings.TrimSuffix(line, "\r")
		f(line)
		if err == io.EOF {
			return nil
		}
	}
}
