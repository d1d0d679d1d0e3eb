"""The web story of issue #14, driven in a real browser (headless Chromium via Selenium).

A coordinator signs in with the first one-time code and creates two office
accounts and an auditor; both office staff sign in, change their one-time
passwords and record network build-out with an evidence file; one tries the
other office's page by URL and is refused; the coordinator records the
guides, then previews and confirms training for all offices; the auditor sees
every step in the history, downloads the export and sees the verified head,
which the downloaded export verifies to as well. Screenshots of the board, an
office page at phone width and the audit page go to docs/screenshots/.

Usage: python3 scripts/browser_story.py ROLLOUT_BINARY WORK_FOLDER
Exits non-zero (with the step that failed) on any failure.
"""

import json
import os
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROLLOUT, WORK = sys.argv[1], sys.argv[2]
DB = os.path.join(WORK, "story.sqlite")
DOWNLOADS = os.path.join(WORK, "downloads")
SCREENSHOTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "screenshots")
PASSWORDS = {"10001": "coordinator-pass-1", "13800000001": "jiefangbei-pass-1", "13800000002": "daping-pass-1", "a001": "auditor-pass-1"}


def step(text):
    print(f"story: {text}", flush=True)


def rollout(*arguments):
    done = subprocess.run([ROLLOUT, *arguments, "--db", DB], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"rollout {' '.join(arguments)} failed: {done.stderr}")
    return done.stdout


def start_server():
    server = subprocess.Popen([ROLLOUT, "serve", "--db", DB, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    match = re.search(r"at (http://\S+)", line)
    if not match:
        server.kill()
        sys.exit(f"the server did not print its address: {line!r}")
    return server, match.group(1)


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900", "--lang=zh-CN"]:
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    options.add_experimental_option("prefs", {"download.default_directory": DOWNLOADS, "download.prompt_for_download": False, "intl.accept_languages": "zh-CN,zh"})
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def accessibility_findings(driver):
    """axe-core 4's serious and critical findings on the page the driver shows, one line each."""
    import axe_core_python

    with open(os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js"), encoding="utf-8") as script:
        driver.execute_script(script.read())
    result = driver.execute_async_script("const done = arguments[arguments.length - 1]; axe.run(document).then(done, e => done({error: String(e)}));")
    assert "error" not in result, f"axe-core did not run: {result.get('error')}"
    return [
        f"{violation['impact']} {violation['id']}: {violation['help']} ({', '.join(str(node['target']) for node in violation['nodes'][:3])})"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


class Person:
    """One person at their own browser: a separate cookie jar each."""

    def __init__(self, address):
        self.address = address
        self.driver = browser()
        self.wait = WebDriverWait(self.driver, 20, ignored_exceptions=(WebDriverException,))

    def get(self, path):
        self.driver.get(self.address + path)

    def fill(self, field_id, text):
        field = self.driver.find_element(By.ID, field_id)
        field.clear()
        field.send_keys(text)

    def submit(self, button_id):
        """Clicks and waits until the next page has loaded (a new document has no marker)."""
        self.driver.execute_script("window.storyMarker = true")
        self.driver.find_element(By.ID, button_id).click()
        self.wait.until(lambda driver: driver.execute_script("return !window.storyMarker && document.readyState === 'complete'"))

    def messages(self):
        return [element.text for element in self.driver.find_elements(By.CSS_SELECTOR, "p.flash")]

    def sign_in_first_time(self, login, code):
        self.get("/signin")
        self.fill("login", login)
        self.fill("password", code)
        self.submit("sign-in")
        assert self.driver.current_url.endswith("/password"), f"{login}: a one-time code leads to the password page, not {self.driver.current_url}"
        self.fill("current", code)
        self.fill("new", PASSWORDS[login])
        self.fill("repeat", PASSWORDS[login])
        self.submit("save-password")
        assert self.driver.current_url.endswith("/board"), f"{login}: after the password change the board, not {self.driver.current_url}"

    def sign_in(self, login):
        self.get("/signin")
        self.fill("login", login)
        self.fill("password", PASSWORDS[login])
        self.submit("sign-in")

    def create_account(self, login, name, role, office=None):
        self.get("/accounts")
        self.fill("name", name)
        self.fill("login", login)
        Select(self.driver.find_element(By.ID, "role")).select_by_value(role)
        if office:
            Select(self.driver.find_element(By.ID, "office")).select_by_value(office)
        self.submit("create")
        codes = [re.search(r"：([2-9A-Z]{12})", text) for text in self.messages()]
        codes = [match.group(1) for match in codes if match]
        assert codes, f"no one-time code shown after creating {login}: {self.messages()}"
        return codes[0]

    def set_date(self, field_id, date):
        """A date field, typed the same whatever the browser's date format."""
        self.driver.execute_script("arguments[0].value = arguments[1]", self.driver.find_element(By.ID, field_id), date)

    def record(self, milestone, batch, offices, date):
        self.get("/record")
        Select(self.driver.find_element(By.ID, "milestone")).select_by_value(milestone)
        Select(self.driver.find_element(By.ID, "batch")).select_by_value(batch)
        self.set_date("date", date)
        if offices == "all":
            self.driver.find_element(By.ID, "all-offices").click()
        self.submit("preview")
        preview = self.driver.find_element(By.ID, "preview-table").text
        self.submit("confirm")
        return preview, self.messages()


def main():
    os.makedirs(DOWNLOADS, exist_ok=True)
    os.makedirs(SCREENSHOTS, exist_ok=True)
    step("a fresh Yuzhong database with its first coordinator")
    rollout("init", "--coordinator", "王敏", "--login", "10001")
    code = json.loads(rollout("accounts", "reset", "10001", "--as", "10001", "--json"))["oneTimeCode"]
    server, address = start_server()
    people = []
    try:
        coordinator = Person(address)
        people.append(coordinator)
        step("the coordinator signs in with the one-time code and chooses a password")
        coordinator.sign_in_first_time("10001", code)
        step("the coordinator creates two office accounts and an auditor")
        codes = {
            "13800000001": coordinator.create_account("13800000001", "李娜", "office", "jiefangbei"),
            "13800000002": coordinator.create_account("13800000002", "王伟", "office", "daping"),
            "a001": coordinator.create_account("a001", "刘芳", "auditor"),
        }
        evidence = os.path.join(WORK, "网络验收单.png")
        with open(evidence, "wb") as file:
            file.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        for login, office in [("13800000001", "jiefangbei"), ("13800000002", "daping")]:
            staff = Person(address)
            people.append(staff)
            step(f"office staff {login} signs in, changes the one-time password, records network build-out with evidence")
            staff.sign_in_first_time(login, codes[login])
            staff.get(f"/offices/{office}")
            Select(staff.driver.find_element(By.ID, "batch")).select_by_value("batch1")
            Select(staff.driver.find_element(By.ID, "milestone")).select_by_value("network_built")
            staff.set_date("date", "2026-08-10")
            # daping's note carries a 1,900-character unbroken word: pages must wrap it, not widen.
            staff.fill("note", "机房网络已验收 <b>not bold</b>" + (" https://example.gov.cn/" + "a" * 1900 if office == "daping" else ""))
            staff.driver.find_element(By.ID, "evidence").send_keys(evidence)
            staff.submit("submit-report")
            assert any("已登记" in text for text in staff.messages()), f"{login}: not recorded: {staff.messages()}"
        step("the daping staff member opens the jiefangbei page by URL and is refused")
        intruder = people[-1]
        intruder.get("/offices/jiefangbei")
        refusal = intruder.driver.find_element(By.ID, "error-message").text
        assert "may not open the page" in refusal, f"another office's page was not refused: {refusal}"
        assert intruder.driver.find_elements(By.ID, "submit-report") == [], "the refused page must carry no form"
        step("phone-width screenshot of an office page")
        phone = people[1]
        phone.driver.set_window_size(375, 812)
        phone.get("/offices/jiefangbei")
        width = phone.driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 375, f"the office page is {width}px wide at a 375px phone"
        phone.driver.save_screenshot(os.path.join(SCREENSHOTS, "office-phone.png"))
        for path in ["/offices/daping", "/board", "/history"]:
            phone.get(path)
            width = phone.driver.execute_script("return document.documentElement.scrollWidth")
            assert width <= 375, f"{path} is {width}px wide at a 375px phone; tables must scroll inside their box"
        step("the coordinator records the guides, then previews and confirms training for all offices")
        preview, messages = coordinator.record("guides_written", "batch1", None, "2026-08-03")
        assert any("已登记" in text for text in messages), f"guides not recorded: {messages}"
        preview, messages = coordinator.record("staff_trained", "batch1", "all", "2026-08-20")
        assert preview.count("可以登记") == 11, f"the preview should allow all 11 offices:\n{preview}"
        assert any("已登记 11 条" in text for text in messages), f"training not recorded for all: {messages}"
        coordinator.driver.set_window_size(1280, 900)
        coordinator.get("/board?batch=batch1")
        coordinator.driver.save_screenshot(os.path.join(SCREENSHOTS, "board.png"))
        step("the auditor reads the history, verifies, and downloads the export")
        auditor = Person(address)
        people.append(auditor)
        auditor.sign_in_first_time("a001", codes["a001"])
        auditor.get("/history")
        history = auditor.driver.find_element(By.ID, "history").text
        for expected in ["network_built", "staff_trained", "guides_written", "网络验收单.png", "<b>not bold</b>"]:
            assert expected in history, f"the history lacks {expected}"
        assert auditor.driver.find_elements(By.CSS_SELECTOR, "#history b") == [], "a typed note was rendered as markup"
        auditor.get("/verify")
        auditor.submit("verify-now")
        head = auditor.driver.find_element(By.ID, "head-hash").text
        assert "核验通过" in auditor.driver.find_element(By.ID, "verify-result").text
        auditor.driver.save_screenshot(os.path.join(SCREENSHOTS, "audit.png"))
        auditor.driver.find_element(By.ID, "download-export").click()
        def downloaded(_):
            names = os.listdir(DOWNLOADS)
            done = [name for name in names if name.endswith(".jsonl")]
            return os.path.join(DOWNLOADS, done[0]) if done and not any(name.endswith(".crdownload") for name in names) else False

        export = WebDriverWait(auditor.driver, 30).until(downloaded)
        verified = subprocess.run([ROLLOUT, "audit", "verify", "--file", export, "--expect-head", head], capture_output=True, text=True)
        assert verified.returncode == 0, f"the downloaded export does not verify to the shown head: {verified.stdout}{verified.stderr}"
        checked = subprocess.run([ROLLOUT, "check", "--db", DB], capture_output=True, text=True)
        assert checked.returncode == 0, f"check failed: {checked.stdout}{checked.stderr}"
        step("axe-core 4 on every page, as each role sees it: no serious or critical finding")
        pages = {
            auditor: ["/board", "/history", "/changes", "/refusals", "/verify", "/password"],
            coordinator: ["/board", "/record", "/blocks", "/correct", "/import", "/accounts"],
            people[1]: ["/offices/daping", "/board"],
        }
        findings = []
        for person, paths in pages.items():
            for path in paths:
                person.get(path)
                findings += [f"{path}: {finding}" for finding in accessibility_findings(person.driver)]
        signed_out = Person(address)
        people.append(signed_out)
        signed_out.get("/signin")
        findings += [f"/signin: {finding}" for finding in accessibility_findings(signed_out.driver)]
        assert findings == [], "axe-core found serious or critical problems:\n" + "\n".join(findings)
        # The check can fail: an image without a text alternative is found.
        signed_out.driver.execute_script("const image = document.createElement('img'); image.src = 'data:,'; document.body.append(image)")
        planted = accessibility_findings(signed_out.driver)
        assert any("image-alt" in finding for finding in planted), f"axe-core missed a planted image without alt: {planted}"
        step(f"done: head {head}")
    finally:
        for person in people:
            person.driver.quit()
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
