"""Reports for the council and leadership team: context (data) → templates (layout).

context.py  builds the documented report context from the calculation results
changes.py  what changed since a date or a git revision
charts.py   inline SVG charts (status bar; an indicator's values against its target)
render.py   fills the jinja2 templates (Markdown, HTML) and turns HTML into PDF
"""
