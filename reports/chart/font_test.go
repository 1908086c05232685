package chart

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font/liberation"
)

// systemFont returns FindFont's font, or skips the test with the reason.
func systemFont(t *testing.T) string {
	t.Helper()
	p, err := FindFont()
	if err != nil {
		t.Skipf("no CJK font on this machine (%v)", err)
	}
	return p
}

// latinFontFile writes Liberation Serif, a font without Chinese glyphs, to a temporary file.
func latinFontFile(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := liberation.Collection()[0].Face.WriteSourceTo(nil, &buf); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "LiberationSerif.ttf")
	if err := os.WriteFile(p, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	return p
}

func checkNoFontError(t *testing.T, err error, mentions ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if !errors.Is(err, ErrNoCJKFont) {
		t.Errorf("error %q does not wrap ErrNoCJKFont", err)
	}
	for _, m := range append(mentions, "apt-get install fonts-noto-cjk", "BAOKAN_FONT", "--font") {
		if !strings.Contains(err.Error(), m) {
			t.Errorf("error %q does not mention %q", err, m)
		}
	}
}

func TestFindFontEnvMissingFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-font.ttc")
	t.Setenv(FontEnv, missing)
	_, err := FindFont()
	checkNoFontError(t, err, missing)
}

func TestFindFontEnvWithoutCJK(t *testing.T) {
	latin := latinFontFile(t)
	_, err := findFont(latin, nil, nil)
	checkNoFontError(t, err, latin, "no glyphs for Chinese")
}

func TestFindFontNothingFound(t *testing.T) {
	dir := t.TempDir()
	notAFont := filepath.Join(dir, "notes.ttf")
	if err := os.WriteFile(notAFont, []byte("not a font"), 0o666); err != nil {
		t.Fatal(err)
	}
	latin := latinFontFile(t)
	// fc-match answers with a Latin font when no CJK font is installed: it must be refused.
	match := func() (string, error) { return latin, nil }
	_, err := findFont("", []string{filepath.Join(dir, "missing.ttc"), notAFont}, match)
	checkNoFontError(t, err, notAFont, "fc-match")
}

func TestFindFontOrder(t *testing.T) {
	font := systemFont(t)
	latin := latinFontFile(t)
	// The first path that is a CJK font wins; fc-match is not asked.
	asked := false
	match := func() (string, error) { asked = true; return "", errors.New("unused") }
	got, err := findFont("", []string{filepath.Join(t.TempDir(), "missing.ttc"), latin, font}, match)
	if err != nil || got != font || asked {
		t.Errorf("findFont = %q, %v (fc-match asked: %v); want %q", got, err, asked, font)
	}
	// fc-match is the last resort.
	got, err = findFont("", []string{latin}, func() (string, error) { return font, nil })
	if err != nil || got != font {
		t.Errorf("findFont via fc-match = %q, %v; want %q", got, err, font)
	}
	// $BAOKAN_FONT comes first.
	got, err = findFont(font, []string{latin}, nil)
	if err != nil || got != font {
		t.Errorf("findFont with env = %q, %v; want %q", got, err, font)
	}
}

// TestCollectionFace checks the face picked from the collections of Debian's CJK font
// packages: fc-list lists Noto Sans CJK JP, KR, SC, TC, HK and Mono faces in
// NotoSansCJK-Regular.ttc, and "WenQuanYi Micro Hei" and its Mono face in wqy-microhei.ttc.
func TestCollectionFace(t *testing.T) {
	for path, family := range map[string]string{
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc": "Noto Sans CJK SC",
		"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc":         "WenQuanYi Micro Hei",
	} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s not installed", path)
			}
			f, err := loadFont(path)
			if err != nil {
				t.Fatal(err)
			}
			if f.family != family {
				t.Errorf("picked %q, want %q", f.family, family)
			}
			var buf sfnt.Buffer
			for _, r := range "毛泽东林彪周恩来雷锋年份文章数" {
				if i, err := f.face.GlyphIndex(&buf, r); err != nil || i == 0 {
					t.Errorf("%q: glyph index %d, %v", r, i, err)
				}
			}
		})
	}
}
