// MARK: - Decoding access patterns

extension ScenarioDecoder {
  /// Limits on access-pattern parameters.
  static let maximumZipfExponent = 10.0
  static let maximumPhaseLength = 1_000_000_000_000

  /// `access`: `{"pattern": NAME, ...parameters}` (or just `"NAME"` for a pattern without
  /// required parameters). Bounds that depend on the address space are checked when it is known.
  package mutating func accessPattern(_ node: JSONNode, addressSpace: Int64?, pageSize: Int?) -> AccessPatternConfig? {
    let family = AccessPatternConfig.family
    let access: VariantObject
    switch node.value {
    case .string(let name):
      guard let variant = family.variant(name) else {
        report(node, Self.unknownName(family.tag, name, valid: family.names))
        return nil
      }
      if let first = variant.parameters.first(where: \.required) {
        report(node, "pattern \(quoted(name)) needs \(quoted(first.name)) (write {\"pattern\": \(quoted(name)), ...})")
        return nil
      }
      return name == "uniform" ? .uniform : .sequential(stride: nil)
    case .object(let members):
      guard let named = variant(JSONObjectView(node: node, members: members), of: family) else { return nil }
      access = named
    default:
      reportType(node, expected: "an object such as {\"pattern\": \"uniform\"}")
      return nil
    }
    let object = access.object
    let variant = access.variant
    func required(_ key: String, _ decoder: inout ScenarioDecoder) -> JSONNode? { access.required(key, &decoder) }

    switch variant.name {
    case "uniform":
      return .uniform
    case "sequential":
      guard let strideNode = object["stride"] else { return .sequential(stride: nil) }
      guard let stride = size(strideNode) else { return nil }
      guard stride >= 1 else {
        report(strideNode, "\(Self.found(strideNode.value)) is out of range (expected stride >= 1B)")
        return nil
      }
      if let addressSpace, stride > addressSpace {
        report(
          strideNode,
          "\(Self.found(strideNode.value)) is larger than the address space (\(Units.formatSize(addressSpace)))")
        return nil
      }
      return .sequential(stride: stride)
    case "loop":
      guard let pagesNode = required("pages", &self),
        let pages = int(pagesNode, declaredBy: variant.parameter("pages"))
      else { return nil }
      if let addressSpace, let pageSize, Int64(pages) > addressSpace / Int64(pageSize) {
        report(
          pagesNode,
          "\(pages) pages exceed the address space (\(addressSpace / Int64(pageSize)) pages of "
            + "\(Units.formatSize(Int64(pageSize))))")
        return nil
      }
      return .loop(pages: Int64(pages))
    case "zipf":
      guard let exponentNode = required("exponent", &self),
        let exponent = double(exponentNode, declaredBy: variant.parameter("exponent"))
      else { return nil }
      return .zipf(exponent: exponent)
    case "hotcold":
      let fractionNode = required("hotFraction", &self)
      let probabilityNode = required("hotProbability", &self)
      let fraction = fractionNode.flatMap { double($0, declaredBy: variant.parameter("hotFraction")) }
      let probability = probabilityNode.flatMap { double($0, declaredBy: variant.parameter("hotProbability")) }
      guard let fraction, let probability else { return nil }
      return .hotcold(hotFraction: fraction, hotProbability: probability)
    case "trace":
      guard let pathNode = required("path", &self),
        let path = string(pathNode)
      else { return nil }
      var format = TraceFormat.auto
      if let formatNode = object["format"] {
        guard let name = string(formatNode) else { return nil }
        guard let known = TraceFormat(rawValue: name) else {
          report(formatNode, Self.unknownName("format", name, valid: TraceFormat.allCases.map(\.rawValue)))
          return nil
        }
        format = known
      }
      return traceReplay(path: path, format: format, pathNode: pathNode, addressSpace: addressSpace)
    default:  // workingset
      let sizeNode = required("size", &self)
      let phaseNode = required("phaseLength", &self)
      let localityNode = required("locality", &self)
      var setSize = sizeNode.flatMap { size($0) }
      if let sizeNode, let bytes = setSize {
        if bytes < 1 {
          report(sizeNode, "\(Self.found(sizeNode.value)) is out of range (expected size >= 1B)")
          setSize = nil
        } else if let addressSpace, bytes > addressSpace {
          report(
            sizeNode,
            "\(Self.found(sizeNode.value)) is larger than the address space (\(Units.formatSize(addressSpace)))")
          setSize = nil
        }
      }
      let phase = phaseNode.flatMap { int($0, declaredBy: variant.parameter("phaseLength")) }
      let locality = localityNode.flatMap { double($0, declaredBy: variant.parameter("locality")) }
      guard let setSize, let phase, let locality else { return nil }
      return .workingset(size: setSize, phaseLength: phase, locality: locality)
    }
  }

  /// A trace-replay pattern: `path` is resolved against the scenario file's folder, and the whole
  /// trace is read once now, so that a malformed line or an address outside the address space is
  /// an error before anything runs (reported at `access.path` with the trace's line number).
  private mutating func traceReplay(
    path: String, format: TraceFormat, pathNode: JSONNode, addressSpace: Int64?
  ) -> AccessPatternConfig? {
    let resolved: String
    if path.hasPrefix("/") {
      resolved = path
    } else if let slash = file.lastIndex(of: "/") {
      resolved = String(file[...slash]) + path
    } else {
      resolved = path
    }
    guard traceChecks.checksTraces else { return .trace(path: resolved, format: format) }
    let key = TraceCheckCache.Key(path: resolved, format: format, addressSpace: addressSpace)
    let problem: String?
    if let known = traceChecks.results[key] {
      problem = known
    } else {
      problem = Self.traceProblem(path: resolved, format: format, addressSpace: addressSpace)
      traceChecks.results[key] = .some(problem)
    }
    if let problem {
      report(pathNode, problem)
      return nil
    }
    return .trace(path: resolved, format: format)
  }

  /// Why the trace at `path` cannot be replayed in `addressSpace`, or nil: it is read to the end.
  private static func traceProblem(path: String, format: TraceFormat, addressSpace: Int64?) -> String? {
    do throws(TraceError) {
      var reader = try AnyTraceReader(path: path, format: format)
      while let reference = try reader.next() {
        let end = reference.address.addingReportingOverflow(UInt64(reference.size))
        if let addressSpace, end.overflow || end.partialValue > UInt64(addressSpace) {
          return "\(path): line \(reader.lineNumber): address 0x\(String(reference.address, radix: 16)) "
            + "(size \(reference.size)) lies outside the process's address space of "
            + "\(Units.formatSize(addressSpace)) (expected addressSpace large enough for every address in the trace)"
        }
      }
    } catch {
      return error.description
    }
    return nil
  }
}
