"""`hankinta site`: a static site of the programmes, readable from `file://` and under any sub-path.

The build goes pages → contexts → render → write:

layout.py    where each page lives (`fi/programmes/hyvinkaa/index.html` …) and the relative link
             from one page to another: every link is relative and names its file, so the site
             works opened from disk and from a web server's sub-path alike
contexts.py  each page's context, made of the report's (presenting/report/context.py) and the
             roll-up's (computing/rollup.py); templates only lay them out
build.py     the build plan: programmes in parallel (each rendered in its worker), then the front
             page, the catalogue, dimension and unit pages over all of them and the calendar; the
             pages whose bytes changed
folder.py    the output folder: ours (marked) or refused, pages written only when changed, pages
             no longer built removed

Templates are `templates/site/*.j2`, filled in the report's sandbox (render.py); `--templates DIR`
overrides them as it does the report's (`DIR/site/front.html.j2`).
"""
