package deps

import (
	_ "github.com/go-ego/gse"
	_ "github.com/olekukonko/tablewriter"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/spf13/cobra"
	_ "golang.org/x/term"
	_ "golang.org/x/text/encoding/simplifiedchinese"
	_ "gonum.org/v1/gonum/graph/community"
	_ "gonum.org/v1/gonum/graph/formats/gexf12"
	_ "gonum.org/v1/gonum/graph/network"
	_ "gonum.org/v1/gonum/graph/simple"
	_ "gonum.org/v1/gonum/stat/distuv"
	_ "gonum.org/v1/plot"
)
