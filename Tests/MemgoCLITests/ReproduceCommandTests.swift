import Foundation
import Testing

/// `memgo reproduce [--check]` on a scratch copy of a scenarios/ and reports/ layout.
@Suite struct ReproduceCommandTests {
  static let single = """
    {"name": "one", "seed": 2, "stop": {"requests": 300},
     "machine": {"frames": 32},
     "processes": [{"name": "p", "addressSpace": "256KiB", "interval": "10us", "size": "64B"}]}
    """

  @Test func writesThenChecksAndNamesEveryDifference() throws {
    let dir = try CLITests.temporaryDirectory()
    let scenarios = dir.appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
    _ = try CLITests.write(RunCommandTests.sweep(), named: "cli-sweep.json", in: scenarios)
    _ = try CLITests.write(Self.single, named: "one.json", in: scenarios)

    let written = try CLITests.memgo(["reproduce", "--jobs", "2"], in: dir)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout.contains("scenarios/one.json -> reports/one.md, reports/one.csv, reports/one.json\n"))
    let reports = dir.appendingPathComponent("reports")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted() == [
        "cli-sweep.csv", "cli-sweep.json", "cli-sweep.md", "cli-sweep.svg", "one.csv", "one.json", "one.md",
      ])
    // The files are those of memgo run --out.
    let run = dir.appendingPathComponent("run")
    _ = try CLITests.memgo(["run", "scenarios/cli-sweep.json", "--out", run.path, "--quiet"], in: dir)
    #expect(
      try Data(contentsOf: run.appendingPathComponent("cli-sweep.svg"))
        == Data(contentsOf: reports.appendingPathComponent("cli-sweep.svg")))

    let clean = try CLITests.memgo(["reproduce", "--check"], in: dir)
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout == "reports: 7 files match a fresh run of 2 scenarios\n")

    // Change one report, remove another, add a stale one.
    let md = reports.appendingPathComponent("one.md")
    try (String(contentsOf: md, encoding: .utf8) + "edited\n").write(to: md, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: reports.appendingPathComponent("cli-sweep.svg"))
    try "old\n".write(to: reports.appendingPathComponent("gone.csv"), atomically: true, encoding: .utf8)
    try "# Notes\n".write(to: reports.appendingPathComponent("NOTES.md"), atomically: true, encoding: .utf8)
    let check = try CLITests.memgo(["reproduce", "--check"], in: dir)
    #expect(check.status == 1)
    let lines = check.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains("memgo: reports/cli-sweep.svg: missing (a fresh run writes it)"))
    #expect(
      lines.contains("memgo: reports/one.md: differs from a fresh run (the fresh file is shorter, from line 17)")
        || lines.contains { $0.hasPrefix("memgo: reports/one.md: differs from a fresh run (") })
    #expect(
      lines.contains(
        "memgo: reports/gone.csv: no scenario in scenarios produces it (remove it or restore its scenario)"))
    #expect(!lines.contains { $0.contains("NOTES.md") }, "a document in capitals is not a stale report")
    #expect(lines.count == 4, "\(lines)")
    let fresh = try #require(
      lines.last?.components(separatedBy: "fresh files are in ").last?.components(separatedBy: " ").first)
    #expect(FileManager.default.fileExists(atPath: fresh + "/one.md"))
    try? FileManager.default.removeItem(atPath: fresh)
  }

  @Test func refusesScenariosThatShareAName() throws {
    let dir = try CLITests.temporaryDirectory()
    let scenarios = dir.appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
    _ = try CLITests.write(Self.single, named: "a.json", in: scenarios)
    _ = try CLITests.write(Self.single, named: "b.json", in: scenarios)
    let outcome = try CLITests.memgo(["reproduce"], in: dir)
    #expect(outcome.status == 2)
    #expect(
      outcome.stderr
        == "memgo: scenarios/b.json: names its reports 'one', as scenarios/a.json does "
        + "(give each scenario its own \"name\")\n"
    )
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path))
  }
}
