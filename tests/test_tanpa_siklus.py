"""No import cycle anywhere in kinerja_cli, imports inside functions included (README Pengembangan).
The import-linter contract of .ci/run checks the siblings of each package; this also catches a
package and its own submodule importing each other (output <-> output.lebar once did)."""

from __future__ import annotations

import grimp


def _siklus(graf) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    indeks, rendah, tumpuk, di_tumpuk, hasil = {}, {}, [], set(), []
    for awal in sorted(graf.modules):
        if awal in indeks:
            continue
        kerja = [(awal, iter(sorted(graf.find_modules_directly_imported_by(awal))))]
        indeks[awal] = rendah[awal] = len(indeks)
        tumpuk.append(awal)
        di_tumpuk.add(awal)
        while kerja:
            v, anak = kerja[-1]
            w = next(anak, None)
            if w is not None:
                if w not in indeks:
                    indeks[w] = rendah[w] = len(indeks)
                    tumpuk.append(w)
                    di_tumpuk.add(w)
                    kerja.append((w, iter(sorted(graf.find_modules_directly_imported_by(w)))))
                elif w in di_tumpuk:
                    rendah[v] = min(rendah[v], indeks[w])
                continue
            kerja.pop()
            if kerja:
                rendah[kerja[-1][0]] = min(rendah[kerja[-1][0]], rendah[v])
            if rendah[v] == indeks[v]:
                grup = []
                while True:
                    x = tumpuk.pop()
                    di_tumpuk.discard(x)
                    grup.append(x)
                    if x == v:
                        break
                if len(grup) > 1:
                    hasil.append(sorted(grup))
    return hasil


def test_no_import_cycle_in_the_whole_package():
    graf = grimp.build_graph("kinerja_cli", exclude_type_checking_imports=True)
    assert _siklus(graf) == []


def test_the_cycle_finder_finds_a_package_and_its_submodule():
    graf = grimp.ImportGraph()
    for a, b in (("p", "p.x"), ("p.x", "p"), ("p.y", "p.x")):
        graf.add_import(importer=a, imported=b)
    assert _siklus(graf) == [["p", "p.x"]]
