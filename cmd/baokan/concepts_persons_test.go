package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A person: entry in a concepts file counts the same articles in lookup and in timeline
// (and report), each learning the whole corpus's RW lists first. By hand: 陈克会 stands
// alone in a1's and a3's lists, so a2's run-together 吕行硕陈克会等 names him too: 3
// articles of 1962, which resolving a2's list on its own would not see (2).
func TestConceptPersonLearnsFromTheCorpus(t *testing.T) {
	dir := writeChenCorpus(t)
	dict := writeConcepts(t, "people.yml", "chen: ['person:陈克会']\n")

	code, out, errOut := baokanRun(t, "lookup", "--concepts", dict, "--by", "year", "--format", "csv", "-q", dir)
	if code != 0 {
		t.Fatalf("lookup: exit %d: %s", code, errOut)
	}
	rows := readCSV(t, out)
	if len(rows) != 2 || rows[1][0] != "1962" || rows[1][1] != "chen" {
		t.Fatalf("lookup --by year: %v", rows)
	}
	lookupArticles, lookupMatches := rows[1][3], rows[1][5]
	if lookupArticles != "3" {
		t.Errorf("lookup: %s articles name 陈克会, want 3 (a1, a2, a3)", lookupArticles)
	}

	code, out, errOut = baokanRun(t, "timeline", "--concepts", dict, "--by", "year", "--series", "", "--format", "csv", "-q", dir)
	if code != 0 {
		t.Fatalf("timeline: exit %d: %s", code, errOut)
	}
	found := false
	for _, r := range readCSV(t, out)[1:] {
		if r[0] == "1962" && r[1] == "concept:chen" {
			found = true
			if r[2] != lookupMatches {
				t.Errorf("timeline: concept:chen counts %s in 1962, lookup %s", r[2], lookupMatches)
			}
		}
	}
	if !found {
		t.Errorf("timeline: no row 1962 concept:chen in\n%s", out)
	}
}

// writeChenCorpus writes three tagged articles of 1962 whose RW lists name 吕行硕 and 陈克会
// alone (a1, a3) and run together (a2: 吕行硕陈克会等), and returns their folder.
func writeChenCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	mk := func(name, date, item, rw, body string) {
		s := "〖RQ/日期〗" + date + "〖-RQ/日期〗\n〖BH/版号〗01〖-BH/版号〗\n〖TH/条号〗" + item + "〖-TH/条号〗\n〖BT/标题〗标题" + item +
			"〖-BT/标题〗\n〖GJ/关键〗会议RW：" + rw + "〖-GJ/关键〗\n〖ZW/正文〗\n    " + body + "\n〖-ZW/正文〗\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mk("a1.txt", "19620101", "1", "吕行硕/陈克会", "吕行硕和陈克会开会。")
	mk("a2.txt", "19620102", "2", "吕行硕陈克会等", "他们又开会。")
	mk("a3.txt", "19620103", "3", "陈克会", "陈克会讲话。")
	return dir
}
