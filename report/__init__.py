"""The HTML report: the published snapshot's views as one self-contained page (`lfrwatch report`, the demo)."""
