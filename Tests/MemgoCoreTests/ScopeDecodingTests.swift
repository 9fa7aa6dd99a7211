import Testing

@testable import MemgoCore

/// Decoding of the allocation-scope and page-walk-cache keys (`machine.replacement.scope`,
/// `frameQuota`, `tau`, `pffUpper`, `pffLower`, `machine.pageTable.walkCache`).
@Suite struct ScopeDecodingTests {
  static func load(machine: String, sweep: String = "") -> Result<ScenarioFile, ScenarioLoadError> {
    let text = """
      {"stop": {"time": "1s"}, "machine": {\(machine)},
       "processes": [{"name": "p", "count": 4, "addressSpace": "4MiB"}]\(sweep.isEmpty ? "" : ", \"sweep\": \(sweep)")}
      """
    do throws(ScenarioLoadError) {
      return .success(try ScenarioLoader.load(bytes: Array(text.utf8), path: "s.json"))
    } catch {
      return .failure(error)
    }
  }

  static func errors(machine: String) -> [String] {
    guard case .failure(.invalid(let problems)) = load(machine: machine) else { return [] }
    return problems.map(\.description)
  }

  static func config(machine: String) -> MachineConfig? {
    guard case .success(let file) = load(machine: machine) else { return nil }
    return file.points[0].scenario.machine
  }

  @Test func defaults() throws {
    let m = try #require(Self.config(machine: #""frames": 64"#))
    #expect(m.replacement.scope == .global)
    #expect(m.replacement.frameQuota == .equal)
    #expect(m.replacement.tau == 1000)
    #expect(m.replacement.pffUpper == 0.2 && m.replacement.pffLower == 0.002)
    #expect(m.pageTable.walkCache == 0)
  }

  @Test func everyScopeAndItsParameters() throws {
    let local = try #require(
      Self.config(machine: #""frames": 64, "replacement": {"policy": "lru", "scope": "local", "frameQuota": 16}"#))
    #expect(local.replacement.scope == .local && local.replacement.frameQuota == .frames(16))
    let equal = try #require(
      Self.config(machine: #""frames": 64, "replacement": {"scope": "local", "frameQuota": "equal"}"#))
    #expect(equal.replacement.frameQuota == .equal)
    let ws = try #require(Self.config(machine: #""frames": 64, "replacement": {"scope": "workingset", "tau": 250}"#))
    #expect(ws.replacement.scope == .workingset && ws.replacement.tau == 250)
    let pff = try #require(
      Self.config(machine: #""frames": 64, "replacement": {"scope": "pff", "pffUpper": 0.1, "pffLower": 0.1}"#))
    #expect(pff.replacement.pffUpper == 0.1 && pff.replacement.pffLower == 0.1)
    let cache = try #require(Self.config(machine: #""frames": 64, "pageTable": {"levels": 3, "walkCache": 8}"#))
    #expect(cache.pageTable.levels == 3 && cache.pageTable.walkCache == 8)
    let huge = try #require(
      Self.config(machine: #""pageSize": "2MiB", "memory": "64MiB", "pageTable": {"levels": 3}"#))
    #expect(huge.pageSize == 2 << 20 && huge.frames == 32)
  }

  @Test func badValuesNameTheirPath() {
    #expect(
      Self.errors(machine: #""frames": 8, "replacement": {"scope": "local", "frameQuota": 9}"#)
        == [
          "s.json: machine.replacement.frameQuota: 9 is more than machine.frames (8) "
            + "(expected a quota of at most 8 frames, or \"equal\")"
        ])
    #expect(
      Self.errors(machine: #""frames": 8, "replacement": {"frameQuota": "half"}"#)
        == [
          "s.json: machine.replacement.frameQuota: \"half\" is not a quota "
            + "(expected a number of frames, or \"equal\")"
        ])
    #expect(
      Self.errors(machine: #""frames": 8, "replacement": {"frameQuota": 0}"#)
        == ["s.json: machine.replacement.frameQuota: 0 is out of range (expected 1 <= frameQuota <= 2^31)"])
    #expect(
      Self.errors(machine: #""frames": 8, "replacement": {"tau": 0}"#)
        == ["s.json: machine.replacement.tau: 0 is out of range (expected 1 <= tau <= 10^12)"])
    #expect(
      Self.errors(machine: #""frames": 8, "replacement": {"pffUpper": 0}"#)
        == ["s.json: machine.replacement.pffUpper: 0 is out of range (expected 0 < pffUpper <= 1)"])
    #expect(
      Self.errors(machine: #""frames": 8, "replacement": {"pffUpper": 0.1, "pffLower": 0.2}"#)
        == ["s.json: machine.replacement.pffLower: 0.2 is above pffUpper (0.1) (expected pffLower <= pffUpper)"])
    #expect(
      Self.errors(machine: #""frames": 8, "replacement": {"pffUpper": 0.001}"#)
        == [
          "s.json: machine.replacement: pffLower (default): 0.002 is above pffUpper (0.001) "
            + "(expected pffLower <= pffUpper)"
        ])
    #expect(
      Self.errors(machine: #""frames": 8, "pageTable": {"walkCache": -1}"#)
        == ["s.json: machine.pageTable.walkCache: -1 is out of range (expected 0 <= walkCache <= 4096)"])
  }

  /// Walk caches are per MMU: with a million processes and no CPU pool they would not fit.
  @Test func walkCachesAreBoundedInAll() {
    let text = """
      {"stop": {"time": "1s"}, "machine": {"frames": 64, "pageTable": {"walkCache": 4096}},
       "processes": [{"name": "p", "count": 1000000, "addressSpace": "4MiB"}]}
      """
    do throws(ScenarioLoadError) {
      _ = try ScenarioLoader.load(bytes: Array(text.utf8), path: "s.json")
      Issue.record("loaded")
    } catch {
      guard case .invalid(let problems) = error else { return }
      #expect(
        problems.map(\.description) == [
          "s.json: machine.pageTable.walkCache: 4096 entries per level for 1000000 processes (one MMU each "
            + "without cpus) make 12288000000 walk-cache entries (expected at most 2^24 in all; use fewer entries, "
            + "or set cpus)"
        ])
    }
    #expect(Self.config(machine: #""cpus": 4, "frames": 64, "pageTable": {"walkCache": 4096}"#) != nil)
  }

  @Test func misspellingsGetSuggestions() {
    let scope = Self.errors(machine: #""frames": 8, "replacement": {"scope": "workingSet"}"#)
    #expect(scope.count == 1 && scope[0].contains("did you mean \"workingset\"?"))
    #expect(scope[0].contains("expected one of global, local, workingset, pff"))
    let key = Self.errors(machine: #""frames": 8, "replacement": {"frameQuotas": 2}"#)
    #expect(key.count == 1 && key[0].contains("did you mean \"frameQuota\"?"))
    let cache = Self.errors(machine: #""frames": 8, "pageTable": {"walkcache": 2}"#)
    #expect(cache.count == 1 && cache[0].contains("did you mean \"walkCache\"?"))
  }

  @Test func scopesCanBeSwept() throws {
    guard
      case .success(let file) = Self.load(
        machine: #""frames": 8"#,
        sweep: #"{"machine.replacement.scope": ["global", "local", "workingset", "pff"], "#
          + #""machine.pageTable.walkCache": [0, 4]}"#)
    else {
      Issue.record("sweep did not load")
      return
    }
    #expect(
      file.points.map(\.scenario.machine.replacement.scope)
        == [.global, .global, .local, .local, .workingset, .workingset, .pff, .pff])
    #expect(file.points.map(\.scenario.machine.pageTable.walkCache) == [0, 4, 0, 4, 0, 4, 0, 4])
  }

  @Test func parametersNameTheScope() {
    #expect(
      ReplacementConfig(policy: .lru, scope: .local).parameterDescription == "lru (scope=local, frameQuota=equal)")
    #expect(
      ReplacementConfig(policy: .clock, scope: .local, frameQuota: .frames(8)).parameterDescription
        == "clock (referenceOnLoad=true, scope=local, frameQuota=8)")
    #expect(ReplacementConfig(scope: .workingset, tau: 50).parameterDescription == "fifo (scope=workingset, tau=50)")
    #expect(
      ReplacementConfig(scope: .pff, pffUpper: 0.1, pffLower: 0.01).parameterDescription
        == "fifo (scope=pff, pffUpper=0.1, pffLower=0.01)")
  }
}
