/// One public service of the catalog (事项), with every column of the source list.
public struct Item: Codable, Equatable, Sendable {
    /// 序号, 1-based and unique.
    public var number: Int
    /// 事项名称, verbatim.
    public var name: String
    /// 业务领域, e.g. 社会保险 or 就业创业.
    public var area: String
    /// 办理深度: the verbatim text and its structured form.
    public var depth: Depth
    /// 责任单位.
    public var unit: String
    /// 责任科室: one or more sections (the source separates them with 、).
    public var sections: [String]
    /// 延伸情况: the id of the batch the item belongs to.
    public var batch: String
    /// 备注, verbatim; empty when the source has no remark.
    public var remarks: String
}
