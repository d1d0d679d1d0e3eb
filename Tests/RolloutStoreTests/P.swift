import XCTest
final class PRolloutStoreTests: XCTestCase { func testNothing() {} }
