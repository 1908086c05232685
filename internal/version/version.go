// Package version says which build of baokan is running: the module version and the
// commit it was built from, as the Go toolchain recorded them in the binary
// (runtime/debug.ReadBuildInfo; `go build` in a git checkout records the commit, its time
// and whether the tree had uncommitted changes; `go install module@version` the version).
package version

import (
	"runtime/debug"
	"strings"
)

// Devel is the version of a build that recorded none (go build, go run, go test).
const Devel = "devel"

// Info is what the build recorded.
type Info struct {
	Version   string // module version (v1.2.3), or Devel
	Revision  string // VCS commit, "" if not recorded
	Time      string // commit time (RFC 3339), "" if not recorded
	Modified  bool   // the tree had uncommitted changes
	GoVersion string // toolchain
}

// Get returns the running binary's build information.
func Get() Info {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: Devel}
	}
	return FromBuildInfo(info)
}

// FromBuildInfo reads Info out of a build's information.
func FromBuildInfo(b *debug.BuildInfo) Info {
	v := Info{Version: b.Main.Version, GoVersion: b.GoVersion}
	if v.Version == "" || v.Version == "(devel)" {
		v.Version = Devel
	}
	for _, s := range b.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String is the version line: "devel (commit 2eee950c1b2a, 2026-12-03T16:00:00Z,
// modified)", "v1.2.0", or "devel" when nothing was recorded.
func (v Info) String() string {
	var parts []string
	if v.Revision != "" {
		rev := v.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		parts = append(parts, "commit "+rev)
	}
	if v.Time != "" {
		parts = append(parts, v.Time)
	}
	if v.Modified {
		parts = append(parts, "modified")
	}
	if len(parts) == 0 {
		return v.Version
	}
	return v.Version + " (" + strings.Join(parts, ", ") + ")"
}
