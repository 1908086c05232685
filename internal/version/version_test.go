package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		info debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{debug.BuildInfo{}, "devel"},
		{debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "2eee950c1b2a3d4e5f60718293a4b5c6d7e8f901"},
			{Key: "vcs.time", Value: "2026-12-03T16:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		}}, "devel (commit 2eee950c1b2a, 2026-12-03T16:00:00Z, modified)"},
		{debug.BuildInfo{Main: debug.Module{Version: "v0.3.1-0.20261203160000-2eee950c1b2a"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "2eee950c1b2a"},
			{Key: "vcs.modified", Value: "false"},
		}}, "v0.3.1-0.20261203160000-2eee950c1b2a (commit 2eee950c1b2a)"},
	} {
		if got := FromBuildInfo(&tc.info).String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.info, got, tc.want)
		}
	}
}

// The test binary records its build: Get reads it without failing, and names a version.
func TestGet(t *testing.T) {
	v := Get()
	if v.Version == "" {
		t.Error("no version")
	}
	if v.GoVersion == "" {
		t.Error("no Go version")
	}
}
