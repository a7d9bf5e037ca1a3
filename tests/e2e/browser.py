"""Helpers for browser tests: accessibility checks with axe-core, logging in."""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, context=None):
    """axe-core violations (WCAG 2.1 A/AA) of the page as currently rendered."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        context=context,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return results.response["violations"]


def describe_violations(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in violations
    )


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)


def log_in(page, email, password):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").first.fill(email)
    page.get_by_label("Passwort").first.fill(password)
    page.locator("form:has(input[type=password]) [type=submit]").first.click()
    page.wait_for_load_state()
