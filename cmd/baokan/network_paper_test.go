package main

import (
	"reflect"
	"strings"
	"testing"
)

// TestNetworkByPaper: the 解放军报 slice of 'network --by paper' on the sample (30 tagged
// files named 解放军报 with --tagged-paper, 8 People's Daily JSON files) is the network of
// the tagged files alone ('network --paper 解放军报'): a slice's counts are its paper's
// articles, and the RW lists learned are the same (the JSON files have none). The People's
// Daily slice names no one, so it has no rows.
func TestNetworkByPaper(t *testing.T) {
	for _, edges := range []bool{false, true} {
		args := []string{"network", "--tagged-paper", "解放军报"}
		if edges {
			args = append(args, "--edges")
		}
		sliced := csvRows(t, append(args, "--by", "paper")...)
		if sliced[0][0] != "slice" {
			t.Fatalf("header %v, want a slice column first", sliced[0])
		}
		var got [][]string
		for _, r := range sliced[1:] {
			if r[0] != "解放军报" {
				t.Errorf("row %v: want only the 解放军报 slice (the JSON articles have no RW lists)", r)
				continue
			}
			got = append(got, r[1:])
		}
		want := csvRows(t, append(args, "--paper", "解放军报")...)[1:]
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("edges %v: the 解放军报 slice\n%v\nwant the network of --paper 解放军报\n%v", edges, got, want)
		}
	}
	// Without --tagged-paper the tagged files name no paper: in no slice, and said so.
	code, _, errOut := baokanRun(t, "network", "--by", "paper", "--format", "csv")
	if code != exitOK || !strings.Contains(errOut, "30 articles without a paper are in no slice") {
		t.Errorf("exit %d, stderr %q: want the 30 tagged articles said to be in no slice", code, errOut)
	}
}
