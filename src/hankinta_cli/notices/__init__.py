"""eForms procurement notices (HILMA, TED): read, keep the current version of each, select.

- `model.py`: the facts, as frozen dataclasses (`Notice`, `Lot`, `LotResult`, `Organisation`,
  `Amount`) and `Problem` (a file that could not be read, or was read with a doubt);
- `sources.py`: paths (files, folders, .zip, .tar.gz) → each notice's bytes, within limits;
- `parse.py`: bytes → `Notice`, with a hardened lxml parser (the only module importing lxml);
- `select.py`: versions and change notices → the notices that count, each procedure once;
  `--buyer`/`--since`/`--until`;
- `read.py`: `load_notices(paths, selection)` → `NoticeSet`, the one call a command makes;
- `labels.py`, `codelists.json`: Finnish and English labels of the codes; `business_id.py`: Y-tunnus.
"""
