"""The project's own files agree with each other."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[<>=!\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in py["dependencies"]}
    for reqs in py["optional-dependencies"].values():
        wanted |= {_name(r) for r in reqs if not r.startswith("geokit")}
    env = (ROOT / "environment.yml").read_text().split("dependencies:", 1)[1]
    listed = {_name(m) for m in re.findall(r"^\s+- (?!pip:|-e)([A-Za-z0-9_.\-\[\]]+)", env, re.M)}
    listed.discard("python")
    listed.discard("pip")
    assert wanted - listed == set(), f"missing from environment.yml: {wanted - listed}"
    assert listed - wanted == set(), f"not in pyproject.toml: {listed - wanted}"


def _specs(reqs) -> dict[str, str]:
    """name -> version specifier (extras dropped, spaces removed)."""
    out = {}
    for req in reqs:
        name = _name(req)
        spec = re.sub(r"^[A-Za-z0-9_.\-]+(\[[^\]]*\])?", "", req.strip()).replace(" ", "")
        out[name] = spec
    return out


def test_environment_yml_pins_the_same_versions_and_python():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = _specs(py["dependencies"])
    for reqs in py["optional-dependencies"].values():
        wanted.update(_specs(r for r in reqs if not r.startswith("geokit")))
    env = (ROOT / "environment.yml").read_text().split("dependencies:", 1)[1]
    listed = _specs(re.findall(r"^\s+- (?!pip:|-e)([A-Za-z0-9_.\-\[\]<>=!,]+)\s*$", env, re.M))
    assert listed.pop("python") == py["requires-python"]
    differ = {k: (v, listed.get(k)) for k, v in wanted.items() if listed.get(k) != v}
    assert not differ, f"pyproject.toml vs environment.yml: {differ}"
    assert re.search(r"^\s+- -e \.\s*$", env, re.M), "environment.yml must install geokit itself"


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("```", 2)[1]
    assert "make demo" in block and "make test" in block
    pip_block = readme.split("```", 4)[3]  # the next code block: installing from the registry
    assert "pip install geokit" in pip_block and 'pip install "geokit[' in pip_block
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci


def test_licences_are_credited():
    readme = (ROOT / "README.md").read_text()
    assert "CC BY 4.0" in readme and "Natural Earth" in readme
    assert "Attribution 4.0" in (ROOT / "geokit" / "data" / "SOURCES.md").read_text()


def test_public_names_exist():
    import geokit

    for name in geokit.__all__:
        assert hasattr(geokit, name), name
    assert geokit.__version__
