"""Every notebook in notebooks/ runs top to bottom without a network."""

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        f"{path.name} is stored with outputs; clear them before committing"
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors


@pytest.mark.notebook
@pytest.mark.slow
def test_situation_report_notebook_takes_papermill_parameters(tmp_path):
    papermill = pytest.importorskip("papermill")
    events = tmp_path / "events.csv"
    events.write_text(
        "event_id,event_date,event_type,location,admin1,country,fatalities,source\n"
        "a1,2025-03-02,Battles,Sudzha,Kursk Oblast,Russia,0,test table\n"
        "a2,2025-03-03,Explosions/Remote violence,Krasnopillia,Sumy Oblast,Ukraine,2,test table\n"
        "a3,2025-03-09,Explosions/Remote violence,Yunakivka,Sumy Oblast,Ukraine,1,test table\n"
        "a4,2025-04-20,Battles,Sumy,Sumy Oblast,Ukraine,0,outside the period\n",
        encoding="utf-8")
    villages = tmp_path / "villages.txt"
    villages.write_text("Myropillia\nVelyka Pysarivka\n", encoding="utf-8")
    out = tmp_path / "weekly"
    papermill.execute_notebook(
        str(NOTEBOOKS[0].parent / "04_situation_report.ipynb"), str(tmp_path / "run.ipynb"),
        parameters={"region": "Sumy", "start": "2025-03-01", "end": "2025-03-14",
                    "events_path": str(events), "evacuation_path": str(villages),
                    "output_dir": str(out), "title": "Sumy, first half of March"},
        kernel_name="python3", cwd=str(tmp_path), progress_bar=False)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Sumy, first half of March" in page
    assert "Krasnopillia" in page and "Yunakivka" in page
    assert "Sudzha" not in page.split('id="events"')[1]  # other region left out of the table
    assert "Myropillia" in page  # the evacuation list given as a parameter
    assert (out / "event_map.html").exists()
