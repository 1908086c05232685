//go:build race

package main

// raceEnabled: the race detector slows the dictionary load tenfold; heavy tests trim their cases.
const raceEnabled = true
