"""Indicator maths: pure functions over the model. `as_of` always comes in as an argument.

periods.py   period text ↔ dates, ordering, the last complete period
series.py    an indicator's values by period as known at `as_of`, derived indicators included
ontrack.py   latest value, change, target, attainment, expected value, on-track class
measures.py  status freshness and lateness of measures
metrics.py   counts per goal, theme and programme
rollup.py    catalogue indicators summed and compared across programmes
"""
