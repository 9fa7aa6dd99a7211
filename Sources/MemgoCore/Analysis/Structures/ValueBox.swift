/// A value on the heap that several closures share and mutate in place (a `mutating` method called
/// through `box.value` works on the box's storage, with no copy).
final class ValueBox<Value> {
  var value: Value
  init(_ value: Value) { self.value = value }
}
