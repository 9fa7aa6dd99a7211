import MemgoCore

// MARK: - Durations, sizes, numbers, distributions and access patterns

extension FuzzTarget {
  /// Reads the bytes as a duration, a size and a JSON number. Properties: an accepted duration or
  /// size is within its limit and reads back equal from its formatted form; a refusal is one line;
  /// a number read as an exact integer agrees with its reading as a `Double`.
  static func checkUnits(_ bytes: [UInt8], _ failures: inout FuzzFailures) {
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      let time = try Units.parseDuration(text)
      failures.expect(time >= .zero && time <= Units.maximumDuration, "duration \(time) out of range")
      let shown = Units.formatDuration(time)
      failures.expect((try? Units.parseDuration(shown)) == time, "duration \(shown) does not read back as \(time)")
    } catch {
      failures.expectOneLine(error.message, "duration error")
    }
    do {
      let size = try Units.parseSize(text)
      failures.expect(size >= 0 && size <= Units.maximumSize, "size \(size) out of range")
      let shown = Units.formatSize(size)
      failures.expect((try? Units.parseSize(shown)) == size, "size \(shown) does not read back as \(size)")
    } catch {
      failures.expectOneLine(error.message, "size error")
    }
    guard DecimalLiteral(text) != nil else { return }
    let number = JSONValue.number(text)
    let double = try? number.doubleValue()
    if let int = try? number.intValue() {
      failures.expect(double == Double(int), "\(text) reads as the integer \(int) but as the double \(double as Any)")
    }
    if let unsigned = try? number.uint64Value() {
      failures.expect(double == Double(unsigned), "\(text) reads as \(unsigned) but as the double \(double as Any)")
    }
    for kind in [QuantityKind.duration, .size] {
      failures.expectOneLine(ScenarioDecoder.bareNumberMessage(text, kind: kind), "bare number message")
    }
  }

  /// Decodes the bytes, as JSON, as a distribution of each kind of quantity and as an access pattern
  /// over a few address spaces. Properties: a value is refused only with a problem reported (an
  /// unknown key is reported without refusing the value: the scenario's problem count refuses the
  /// file);
  /// what it accepts, the samplers and address generators accept too (their preconditions hold), and
  /// their samples stay in range.
  static func checkDistribution(_ bytes: [UInt8], _ failures: inout FuzzFailures) {
    guard let value = try? JSONParser.parse(bytes) else { return }
    let node = JSONNode(value: value, path: JSONPath([.key("latency"), .key("diskRead")]), order: [0, 0])
    var random = Xoshiro256StarStar(seed: UInt64(bytes.count))
    for kind in [QuantityKind.duration, .size, .number] {
      var decoder = ScenarioDecoder(file: scenarioFileName)
      let decoded = decoder.distribution(node, of: kind)
      failures.expect(decoded != nil || decoder.problemCount > 0, "refused without a problem")
      for error in decoder.errors { failures.expectOneLine(error.description, "problem") }
      guard let distribution = decoded else { continue }
      if let problem = DistributionSampler.problem(with: distribution) {
        failures.expect(false, "the decoder accepts \(distribution) but the sampler refuses it: \(problem)")
        continue
      }
      _ = distribution.mean
      let sampler = DistributionSampler(distribution)
      for _ in 0..<8 {
        let duration = sampler.sampleDuration(&random)
        failures.expect(duration >= 0 && duration <= DistributionSampler.maximumDuration, "duration \(duration)")
        let size = sampler.sampleSize(&random, maximum: 1 << 20)
        failures.expect(size >= 1 && size <= 1 << 20, "size \(size)")
      }
    }
    for (addressSpace, pageSize) in [(Int64(16 << 20), 4096), (4096, 4096), (Int64(1) << 48, 256), (1 << 30, 1 << 30)] {
      var decoder = ScenarioDecoder(file: scenarioFileName)
      let decoded = decoder.accessPattern(node, addressSpace: addressSpace, pageSize: pageSize)
      failures.expect(decoded != nil || decoder.problemCount > 0, "refused without a problem")
      for error in decoder.errors { failures.expectOneLine(error.description, "problem") }
      guard let pattern = decoded else { continue }
      if let problem = AccessGenerator.problem(with: pattern) {
        failures.expect(false, "the decoder accepts \(pattern) but the generator refuses it: \(problem)")
        continue
      }
      var generator = AccessGenerator(
        pattern: pattern, addressSpace: addressSpace, pageSize: Int64(pageSize), seed: UInt64(bytes.count))
      for size in [1, 64, Int64(pageSize) + 1, addressSpace] where size <= addressSpace {
        let va = generator.nextAddress(size: size, rng: &random)
        failures.expect(va >= 0 && va <= addressSpace - size, "address \(va) for \(size) bytes in \(addressSpace)")
      }
    }
  }
}
