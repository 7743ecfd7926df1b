"""Honour lists in every layout portals print them in: every entry, its category, the name exactly as printed."""

from __future__ import annotations

from pageserver import article_html
from scrapers import extract_article
from scrapers.lists import find_lists, stated_counts


def _pairs(lines, tables=()):
    return [(e.category, e.name) for e in find_lists(lines, list(tables))]


def _page_entries(title: str, content: str) -> list:
    """The list entries of a portal's article page: ``title`` as its headline over ``content`` (HTML)."""
    return extract_article(article_html(title, [], extra=content)).list_entries


def test_a_category_line_ending_in_a_colon_with_a_count_before_it_heads_unnumbered_lines():
    lines = ["名单公布如下：", "最美志愿者（2名）：", "李峰威", "吴 衡", "最佳志愿服务组织：", "江苏省常熟市流水琴川义工协会"]
    assert _pairs(lines) == [("最美志愿者", "李峰威"), ("最美志愿者", "吴 衡"),
                             ("最佳志愿服务组织", "江苏省常熟市流水琴川义工协会")]


def test_inline_lists_with_a_count_or_semicolons_keep_a_joint_entry_whole():
    assert _pairs(["最美志愿者：李峰威、刘嗣东、肖立文等3名"]) == [
        ("最美志愿者", "李峰威"), ("最美志愿者", "刘嗣东"), ("最美志愿者", "肖立文")]
    assert _pairs(["最美志愿者（2人）：陶成诚、黄先红；鲁子玮"]) == [
        ("最美志愿者", "陶成诚、黄先红"), ("最美志愿者", "鲁子玮")]
    assert _pairs(["一、最佳志愿服务组织(1个):市总工会职工悦读志愿服务大队"]) == [
        ("最佳志愿服务组织", "市总工会职工悦读志愿服务大队")]


def test_a_name_and_its_role_are_kept_apart_whether_the_role_follows_or_comes_first():
    entries = find_lists(["一、最美志愿者：3人", "李峰威(北京市红十字雷锋车队应急救援志愿服务队队长)",
                          "吴 衡\u3000上海市金山区造血干细胞捐献志愿者团队骨干志愿者",
                          "陶成诚、黄先红(安徽省六安市蓝天救援队队员)"], [])
    assert [(e.name, e.role) for e in entries] == [
        ("李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"),
        ("吴 衡", "上海市金山区造血干细胞捐献志愿者团队骨干志愿者"),
        ("陶成诚、黄先红", "安徽省六安市蓝天救援队队员")]
    entries = find_lists(["“最美志愿者”2人，分别为吉林省红十字志愿服务队志愿者肖立文、福建省三明市宁化县如梦令公益协会会长张银珠。"], [])
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("最美志愿者", "肖立文", "吉林省红十字志愿服务队志愿者"), ("最美志愿者", "张银珠", "福建省三明市宁化县如梦令公益协会会长")]


def test_a_name_in_brackets_that_are_not_a_role_is_kept_as_printed():
    assert _pairs(["一、国家级绿色工厂(1家)", "1、北新建材（昆明）有限公司"]) == [
        ("国家级绿色工厂", "北新建材（昆明）有限公司")]


def test_tables_by_their_header_with_category_rows_and_a_continuation_without_header():
    first = [["名单公布如下："], ["序号", "单位名称"], ["制度创新示范中心"], ["1", "嘉定区菊园新区社区志愿服务中心"],
             ["2", "长宁区虹桥街道社区志愿服务中心"]]
    second = [["品牌创新示范中心"], ["1", "金山区廊下镇社区志愿服务中心"]]
    assert _pairs([], [first, second]) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"),
                                          ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心"),
                                          ("品牌创新示范中心", "金山区廊下镇社区志愿服务中心")]


def test_a_people_table_gives_the_unit_and_role_column_as_the_role():
    table = [["最美志愿者"], ["序号", "姓名", "工作单位及职务"], ["1", "张银珠", "福建省三明市宁化县如梦令公益协会会长"]]
    (entry,) = find_lists([], [table])
    assert (entry.category, entry.name, entry.role) == ("最美志愿者", "张银珠", "福建省三明市宁化县如梦令公益协会会长")


def test_categories_of_one_entry_count_and_a_form_s_fields_are_never_entries():
    lines = ["其中，我市上榜情况如下：", "一、最佳志愿服务组织(1个)", "市总工会职工悦读志愿服务大队",
             "二、最佳志愿服务项目(1个)", "“新光大道”社区矫正项目"]
    assert _pairs(lines) == [("最佳志愿服务组织", "市总工会职工悦读志愿服务大队"),
                             ("最佳志愿服务项目", "“新光大道”社区矫正项目")]
    form = ["最美志愿服务社区", "社区名称:浙江省慈溪市浒山街道虞波社区", "负责人姓名:严介军",
            "经常开展的志愿服务项目:义诊、理发、摄影、法律咨询等。", "推荐单位:宁波市文明办"]
    assert _pairs(form) == []


def test_numbered_entries_lose_the_clause_after_the_name():
    assert _pairs(["具体名单如下：", "1.嘉定区菊园新区社区志愿服务中心，拟命名为制度创新示范中心；"]) == [
        ("", "嘉定区菊园新区社区志愿服务中心")]


def test_names_on_lines_of_their_own_before_or_after_the_award_they_won():
    entries = find_lists(["其中", "内江市东兴区新江街道东风社区", "获评年度“四川省十佳志愿服务社区”", "4名志愿者",
                          "获评年度“四川省百名优秀志愿者”", "他们分别是", "内江市爱心志愿者协会副理事长李伟",
                          "内江市东兴区人民检察院志愿者邱向阳", "据了解，这次活动共评选出十佳志愿服务项目、组织、社区和最美志愿者。"], [])
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("四川省十佳志愿服务社区", "内江市东兴区新江街道东风社区", ""),
        ("四川省百名优秀志愿者", "李伟", "内江市爱心志愿者协会副理事长"),
        ("四川省百名优秀志愿者", "邱向阳", "内江市东兴区人民检察院志愿者")]


def test_a_sentence_that_names_the_first_of_many_gives_that_name_and_says_how_many_there_are():
    line = ("经过择优推荐、专家评审，推选出陈根发等9名“最美志愿者”，"
            "三明市城市管理局快乐“分”享志愿服务项目等9个“最佳志愿服务项目”。")
    assert _pairs([line]) == [("最美志愿者", "陈根发"), ("最佳志愿服务项目", "三明市城市管理局快乐“分”享志愿服务项目")]
    assert stated_counts([line]) == {"最美志愿者": 9, "最佳志愿服务项目": 9}
    assert stated_counts(["最美志愿者（20名）：", "一、最佳志愿服务组织(3个)", "4名志愿者", "获评年度“四川省百名优秀志愿者”"]) == {
        "最美志愿者": 20, "最佳志愿服务组织": 3, "四川省百名优秀志愿者": 4}


def test_sentences_that_say_who_won_an_award_then_name_them():
    line = ("日前，名单正式公布。荣获“最佳志愿服务项目”称号的有：“暖暖的新家”困难家庭人居环境改善和社会融入项目、"
            "“新光大道”社区矫正项目。荣获“最佳志愿服务组织”称号的有：市总工会职工悦读志愿服务大队。")
    assert _pairs([line]) == [("最佳志愿服务项目", "“暖暖的新家”困难家庭人居环境改善和社会融入项目"),
                              ("最佳志愿服务项目", "“新光大道”社区矫正项目"), ("最佳志愿服务组织", "市总工会职工悦读志愿服务大队")]


def test_a_table_of_400_rows_gives_every_row_and_the_text_around_it_stays_the_body():

    rows = "".join(f"<tr><td>{i}</td><td>某某区第{i}社区志愿服务中心</td><td>某某区</td></tr>" for i in range(1, 401))
    after = "<p>公示期间，如有异议，请向市文明办反映。</p>"
    a = extract_article(article_html("2024年度某市社区志愿服务示范中心名单公示", [
        "经各区推荐、专家评审，拟命名以下400家社区志愿服务中心为示范中心，现予以公示。"],
        extra=f"<table><tr><th>序号</th><th>名称</th><th>所在区</th></tr>{rows}</table>{after}"))
    assert a.title == "2024年度某市社区志愿服务示范中心名单公示"
    assert a.body.startswith("经各区推荐") and "如有异议" in a.body
    assert [e.name for e in a.list_entries] == [f"某某区第{i}社区志愿服务中心" for i in range(1, 401)]


def test_names_parted_by_spaces_on_one_line_are_each_an_entry_and_a_padded_name_stays_whole():
    lines = ["一、最美志愿者（4名）", "李峰威\u3000刘嗣东\u3000吴\u3000衡\u3000陶成诚、黄先红",
             "二、最佳志愿服务组织（2个）", "天津市宝坻区红十字蓝天救援队　江苏省常熟市流水琴川义工协会"]
    assert _pairs(lines) == [("最美志愿者", "李峰威"), ("最美志愿者", "刘嗣东"), ("最美志愿者", "吴\u3000衡"),
                             ("最美志愿者", "陶成诚、黄先红"), ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队"),
                             ("最佳志愿服务组织", "江苏省常熟市流水琴川义工协会")]
    assert _pairs(["一、最美志愿者（1名）", "李峰威　北京市红十字雷锋车队队长"]) == [("最美志愿者", "李峰威")]


def test_a_category_cell_that_spans_its_entries_rows_names_each_entrys_category():

    rows = ('<tr><th>类别</th><th>序号</th><th>名称</th></tr>'
            '<tr><td rowspan="2">制度创新示范中心</td><td>1</td><td>嘉定区菊园新区社区志愿服务中心</td></tr>'
            '<tr><td>2</td><td>长宁区虹桥街道社区志愿服务中心</td></tr>'
            '<tr><td rowspan="1">品牌创新示范中心</td><td>1</td><td>金山区廊下镇社区志愿服务中心</td></tr>')
    a = extract_article(article_html("2019年度上海市社区志愿服务示范中心名单", ["名单如下："], extra=f"<table>{rows}</table>"))
    assert [(e.category, e.name) for e in a.list_entries] == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心"),
        ("品牌创新示范中心", "金山区廊下镇社区志愿服务中心")]


def test_bulleted_lines_and_bracketed_headings_give_the_names_without_the_symbols():
    assert _pairs(["入选名单如下：", "■ 制度创新示范中心（2个）", "● 嘉定区菊园新区社区志愿服务中心",
                   "● 长宁区虹桥街道社区志愿服务中心"]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]
    assert _pairs(["【最美志愿者】", "何素贞、黎雅红、谢彬蓉", "【最佳志愿服务项目】",
                   "重庆科技馆“志愿者爱心科普活动”、梁平癞子锣鼓传承“1+1+6”志愿服务项目、重庆希望24心理热线和生命教育志愿服务项目",
                   "【最美志愿者】", "陶成诚、黄先红"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉"),
        ("最佳志愿服务项目", "重庆科技馆“志愿者爱心科普活动”"), ("最佳志愿服务项目", "梁平癞子锣鼓传承“1+1+6”志愿服务项目"),
        ("最佳志愿服务项目", "重庆希望24心理热线和生命教育志愿服务项目"),
        ("最美志愿者", "陶成诚、黄先红")]  # two people alone on a line: the couple, one entry


def test_a_table_of_two_entries_a_row_is_read_left_then_right_and_a_grid_of_names_row_by_row():
    paired = [["序号", "名称", "序号", "名称"], ["制度创新示范中心"],
              ["1", "嘉定区菊园新区社区志愿服务中心", "2", "长宁区虹桥街道社区志愿服务中心"],
              ["3", "徐汇区斜土街道社区志愿服务中心", "", ""]]
    assert _pairs([], [paired]) == [("制度创新示范中心", n) for n in
                                    ("嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心", "徐汇区斜土街道社区志愿服务中心")]
    grid = [["最美志愿者（5名）"], ["陈建钧", "吕海英", "吴 衡", "李峰威"], ["刘嗣东"]]
    assert _pairs([], [grid]) == [("最美志愿者", n) for n in ("陈建钧", "吕海英", "吴 衡", "李峰威", "刘嗣东")]
    layout = [["首页", "新闻中心", "志愿服务"], ["网站地图", "联系我们"]]  # a portal's layout table: no list
    assert _pairs([], [layout]) == []


def test_zero_padded_numbers_a_category_after_each_name_and_tab_separated_rows():
    assert _pairs(["最美志愿服务社区", "01 九龙坡区九龙街道盘龙新城社区", "02 万州区五桥街道五间桥社区",
                   "12 月起，社区开展志愿服务。"]) == [
        ("最美志愿服务社区", "九龙坡区九龙街道盘龙新城社区"), ("最美志愿服务社区", "万州区五桥街道五间桥社区")]
    assert _pairs(["拟表扬对象名单如下：", "1. 陈建钧（最美志愿者）", "2. 内蒙古自治区爱心之家公益协会（最佳志愿服务组织）"]) == [
        ("最美志愿者", "陈建钧"), ("最佳志愿服务组织", "内蒙古自治区爱心之家公益协会")]
    entries = find_lists(["名单", "序号\t名称\t类别", "1\t嘉定区菊园新区社区志愿服务中心\t制度创新示范中心",
                          "2\t金山区廊下镇社区志愿服务中心\t品牌创新示范中心"], [])
    assert [(e.category, e.name) for e in entries] == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("品牌创新示范中心", "金山区廊下镇社区志愿服务中心")]


def test_a_note_under_a_list_is_no_entry_and_a_table_may_give_a_column_to_each_category():
    assert _pairs(["服务创优示范中心", "1 黄浦区豫园街道社区志愿服务中心", "2 长宁区北新泾街道社区志愿服务中心",
                   "注：排名不分先后"]) == [
        ("服务创优示范中心", "黄浦区豫园街道社区志愿服务中心"), ("服务创优示范中心", "长宁区北新泾街道社区志愿服务中心")]
    across = [["最美志愿者", "最佳志愿服务组织"], ["何素贞", "南岸区“周幺妹”青年志愿者服务队"],
              ["黎雅红", "沙坪坝区文联文艺志愿服务队"], ["谢彬蓉", ""]]
    assert _pairs([], [across]) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉"),
                                     ("最佳志愿服务组织", "南岸区“周幺妹”青年志愿者服务队"),
                                     ("最佳志愿服务组织", "沙坪坝区文联文艺志愿服务队")]


def test_a_count_in_chinese_numerals_leaves_the_category_and_a_blank_category_cell_keeps_the_one_above():
    assert _pairs(["制度创新示范中心（十个）", "嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心"]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]
    export = [["类别", "序号", "名称"], ["最美志愿者", "1", "何素贞"], ["", "2", "黎雅红"],
              ["最佳志愿服务组织", "1", "九龙坡区黄桷义工协会"]]
    assert _pairs([], [export]) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最佳志愿服务组织", "九龙坡区黄桷义工协会")]


def test_counts_without_brackets_and_arabic_numbered_headings_leave_the_category():
    assert _pairs(["最美志愿者3名：何素贞、黎雅红、谢彬蓉"]) == [("最美志愿者", n) for n in ("何素贞", "黎雅红", "谢彬蓉")]
    assert _pairs(["制度创新示范中心 2个", "嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心"]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]
    assert _pairs(["1.最美志愿者（2名）", "(1)何素贞", "(2)黎雅红", "2.最佳志愿服务组织（1名）", "(1)九龙坡区黄桷义工协会"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最佳志愿服务组织", "九龙坡区黄桷义工协会")]
    # a numbered entry with a number of people in it stays an entry
    assert _pairs(["最佳志愿服务组织：", "1.某某社区红蚂蚁志愿服务队30人"]) == [("最佳志愿服务组织", "某某社区红蚂蚁志愿服务队30人")]


def test_a_table_cell_with_a_name_a_line_break_and_a_unit_gives_both():

    table = ('<table><tr><th>序号</th><th>姓名及单位</th></tr><tr><td colspan="2">最美志愿者</td></tr>'
             '<tr><td>1</td><td>李峰威<br>北京市红十字雷锋车队应急救援志愿服务队队长</td></tr>'
             '<tr><td>2</td><td>嘉定区菊园新区<br>社区志愿服务中心</td></tr></table>')
    page = article_html("2020年最美志愿者名单", ["经过推荐、审核和评议，评选工作已经完成。", "名单公布如下："], extra=table)
    entries = extract_article(page).list_entries
    assert [(e.name, e.role) for e in entries] == [("李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"),
                                                   ("嘉定区菊园新区社区志愿服务中心", "")]  # a name wrapped, not parted


def test_one_entry_a_line_with_its_award_and_a_line_of_entries_parted_by_semicolons():
    assert _pairs(["经评选，结果如下：", "何素贞被评为最美志愿者；", "南岸区“周幺妹”青年志愿者服务队被评为最佳志愿服务组织；"]) == [
        ("最美志愿者", "何素贞"), ("最佳志愿服务组织", "南岸区“周幺妹”青年志愿者服务队")]
    assert _pairs(["我市3个项目被评为最佳志愿服务项目"]) == []  # a sentence's subject is no name
    assert _pairs(["最美志愿者：", "何素贞；陶成诚、黄先红；谢彬蓉。"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "陶成诚、黄先红"), ("最美志愿者", "谢彬蓉")]


def test_names_in_spans_spaced_by_css_and_one_table_per_category_are_each_read():

    spans = ('<p><strong>最美志愿服务社区</strong></p><p><span class="name">九龙坡区九龙街道盘龙新城社区</span>'
             '<span class="name">万州区五桥街道五间桥社区</span></p>')
    page = article_html("2020年重庆市“四个100”名单", ["名单如下："], extra=spans)
    assert [(e.category, e.name) for e in extract_article(page).list_entries] == [
        ("最美志愿服务社区", "九龙坡区九龙街道盘龙新城社区"), ("最美志愿服务社区", "万州区五桥街道五间桥社区")]
    styled = article_html("社区开展志愿服务", ['<p><span class="s">近日，社区</span><span class="s">开展了志愿服务。</span></p>'])
    assert "近日，社区开展了志愿服务。" in extract_article(styled).body  # runs of a sentence stay one line
    tables = "".join(f"<table><tr><th>{c}</th></tr>" + "".join(f"<tr><td>{n}</td></tr>" for n in names) + "</table>"
                     for c, names in (("制度创新示范中心", ["嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心"]),
                                      ("品牌创新示范中心", ["金山区廊下镇社区志愿服务中心", "徐汇区枫林街道社区志愿服务中心"])))
    entries = extract_article(article_html("2019年度示范中心名单", ["名单如下："], extra=tables)).list_entries
    assert [(e.category, e.name) for e in entries][2:] == [("品牌创新示范中心", "金山区廊下镇社区志愿服务中心"),
                                                           ("品牌创新示范中心", "徐汇区枫林街道社区志愿服务中心")]


def test_a_persons_unit_after_a_dash_a_colon_a_comma_or_on_the_next_line_and_no_honorific_in_the_name():
    def people(lines):
        return [(e.name, e.role) for e in find_lists(lines, [])]

    role = "北京市红十字雷锋车队应急救援志愿服务队队长"
    assert people(["一、最美志愿者", f"李峰威——{role}", f"1.吴 衡：{role}"]) == [("李峰威", role), ("吴 衡", role)]
    assert people(["一、最美志愿者", f"1.陶成诚、黄先红，{role}。"]) == [("陶成诚、黄先红", role)]
    assert people(["一、最美志愿者", f"李峰威同志（{role}）", "陶成诚、黄先红同志"]) == [("李峰威", role), ("陶成诚、黄先红", "")]
    assert people(["最美志愿者：", "李峰威", role, "刘嗣东", "内蒙古自治区包头市红十字会志愿者"]) == [
        ("李峰威", role), ("刘嗣东", "内蒙古自治区包头市红十字会志愿者")]
    # an organisation's name with a dash stays whole
    assert [e.name for e in find_lists(["最佳志愿服务项目：", "“红色引擎”——社区党员志愿服务项目"], [])] == [
        "“红色引擎”——社区党员志愿服务项目"]


def test_columns_lined_up_by_spaces_and_names_joined_by_he_whether_or_not_a_name_holds_he():
    """A fixed-width document's columns (runs of spaces; one space stays inside a name), and
    running text joining its last two names with “和”, where a name may hold “和” itself."""
    assert _pairs(["序号    单位名称                    类别",
                   "1       嘉定区菊园新区社区志愿服务中心    制度创新示范中心",
                   "2       吴 衡                          最美志愿者"]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("最美志愿者", "吴 衡")]
    line = ("日前，评选结果揭晓。何素贞、黎雅红和谢彬蓉被评为“最美志愿者”。重庆科技馆“志愿者爱心科普活动”、"
            "梁平癞子锣鼓传承“1+1+6”志愿服务项目和重庆希望24心理热线和生命教育志愿服务项目被评为“最佳志愿服务项目”。")
    assert _pairs([line]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉"),
        ("最佳志愿服务项目", "重庆科技馆“志愿者爱心科普活动”"), ("最佳志愿服务项目", "梁平癞子锣鼓传承“1+1+6”志愿服务项目"),
        ("最佳志愿服务项目", "重庆希望24心理热线和生命教育志愿服务项目")]


def test_names_parted_by_line_breaks_in_one_cell_and_a_list_of_links_to_each_honoree():
    """A 名单 cell with a name a line gives each name, never the names run together; a list
    linking each honoree to its story is the list, not navigation."""

    cells = ("<table><tr><th>类别</th><th>名单</th></tr><tr><td>最美志愿者</td>"
             "<td>李峰威<br>吴 衡<br>陶成诚、黄先红</td></tr></table>")
    a = extract_article(article_html("2020年度名单", ["名单公布如下："], extra=cells))
    assert [(e.category, e.name) for e in a.list_entries] == [
        ("最美志愿者", "李峰威"), ("最美志愿者", "吴 衡"), ("最美志愿者", "陶成诚、黄先红")]
    links = "".join(f'<li><a href="/zyfw/t{i}.html">{n}</a></li>' for i, n in enumerate(
        ["嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心", "徐汇区斜土街道社区志愿服务中心"]))
    a = extract_article(article_html("2019年度示范中心名单", ["经评审，名单公布如下："],
                                     extra=f"<h3>制度创新示范中心</h3><ul>{links}</ul>"))
    assert [(e.category, e.name) for e in a.list_entries] == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心"),
        ("制度创新示范中心", "徐汇区斜土街道社区志愿服务中心")]
    assert a.body.startswith("经评审")


def test_brackets_saying_who_put_an_entry_forward_or_a_person_s_sex_are_no_part_of_the_name():
    entries = find_lists(["一、最美志愿者", "1.何素贞（女，汉族）", "2.黎雅红（推荐单位：市文明办）",
                          "二、最佳志愿服务组织", "1.九龙坡区黄桷义工协会（推荐单位：九龙坡区文明办）"], [])
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("最美志愿者", "何素贞", "女，汉族"), ("最美志愿者", "黎雅红", "推荐单位：市文明办"),
        ("最佳志愿服务组织", "九龙坡区黄桷义工协会", "推荐单位：九龙坡区文明办")]


def test_one_paragraph_naming_every_category_in_turn():
    line = ("日前，名单揭晓，我区共有4个先进典型入选。其中，最美志愿者2名：陈建钧、吕海英；"
            "最佳志愿服务组织2个：内蒙古自治区文化助残慈善协会、内蒙古自治区爱心之家公益协会。")
    assert _pairs([line]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"),
                              ("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会"), ("最佳志愿服务组织", "内蒙古自治区爱心之家公益协会")]


def test_slashes_half_width_commas_and_headings_that_name_an_award_s_list():
    assert _pairs(["最美志愿者：何素贞 / 黎雅红 / 谢彬蓉"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉")]
    assert _pairs(["最美志愿者: 李峰威, 陶成诚、黄先红, 胡敏华"]) == [  # a joint entry keeps its 、
        ("最美志愿者", "李峰威"), ("最美志愿者", "陶成诚、黄先红"), ("最美志愿者", "胡敏华")]
    assert _pairs(["名单如下：", "最美志愿者名单", "陈建钧", "吕海英", "最佳志愿服务组织名单",
                   "内蒙古自治区文化助残慈善协会"]) == [
        ("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"), ("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会")]


def test_a_pre_block_and_numbers_in_elements_of_their_own():

    pre = "<pre>一、最美志愿者\n  1．陈建钧\n  2．吕海英</pre>"
    a = extract_article(article_html("名单", ["名单公布如下："], extra=pre))
    assert [(e.category, e.name) for e in a.list_entries] == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    items = "".join(f'<div class="item"><span class="num">{i}</span><span class="name">{n}</span></div>'
                    for i, n in enumerate(["嘉定区菊园新区社区志愿服务中心", "12355青少年服务台"], 1))
    a = extract_article(article_html("名单", ["名单公布如下："], extra=f'<div class="cat">制度创新示范中心</div>{items}'))
    assert [(e.category, e.name) for e in a.list_entries] == [  # the number set apart; a name's own digits kept
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "12355青少年服务台")]


def test_a_title_conferred_a_review_s_outcome_and_a_footnote_marker_leave_category_and_name_clean():
    entries = find_lists(["经研究，决定：", "一、授予以下2个集体“最佳志愿服务组织”称号：",
                          "1.九龙坡区黄桷义工协会（复核通过）", "2.涪陵区红十字社区志愿服务队*", "注：带*的为本年度新增。"], [])
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("最佳志愿服务组织", "九龙坡区黄桷义工协会", "复核通过"), ("最佳志愿服务组织", "涪陵区红十字社区志愿服务队", "")]
    # An outcome that takes an entry off the list stays in its name, for the editor to see.
    revoked = find_lists(["一、最佳志愿服务组织", "1.九龙坡区黄桷义工协会（撤销）"], [])
    assert [e.name for e in revoked] == ["九龙坡区黄桷义工协会（撤销）"]


def test_a_list_column_holding_each_category_s_names_parted_by_dunhao():
    rows = [["类别", "名单"], ["最美志愿者", "何素贞、黎雅红"], ["最美志愿服务社区", "九龙坡区九龙街道盘龙新城社区"]]
    assert _pairs([], [rows]) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"),
                                  ("最美志愿服务社区", "九龙坡区九龙街道盘龙新城社区")]
    # Under 姓名 a cell is one entry: “陶成诚、黄先红” are named together.
    assert _pairs([], [[["序号", "姓名", "类别"], ["1", "陶成诚、黄先红", "最美志愿者"]]]) == [("最美志愿者", "陶成诚、黄先红")]


def test_a_long_name_wrapped_onto_a_line_of_its_own_and_categories_numbered_di_yi_lei():
    assert _pairs(["第一类：最佳志愿服务项目", "1.内蒙古自治区国际蒙医医院“一带一路蒙医蒙", "药健康行”青年志愿服务项目",
                   "2.呼和浩特市新城区东风路街道丽", "苑社区", "3.包头市青山路街道都兰社区"]) == [
        ("最佳志愿服务项目", "内蒙古自治区国际蒙医医院“一带一路蒙医蒙药健康行”青年志愿服务项目"),
        ("最佳志愿服务项目", "呼和浩特市新城区东风路街道丽苑社区"), ("最佳志愿服务项目", "包头市青山路街道都兰社区")]
    # A person's name does not wrap: the line under it is the unit.
    entries = find_lists(["一、最美志愿者", "1.何素贞", "南岸区龙门浩街道上新街社区志愿者"], [])
    assert [(e.name, e.role) for e in entries] == [("何素贞", "南岸区龙门浩街道上新街社区志愿者")]


def test_a_notice_s_numbered_points_and_a_table_s_total_row_are_no_entries():
    assert _pairs(["现将有关事项通知如下：", "一、工作要求", "1.各单位要高度重视，认真组织学习宣传活动。",
                   "二、入选名单", "最美志愿服务社区：", "1.九龙坡区九龙街道盘龙新城社区"]) == [
        ("最美志愿服务社区", "九龙坡区九龙街道盘龙新城社区")]
    rows = [["序号", "名称", "类别"], ["1", "包头市青山路街道都兰社区", "最佳志愿服务社区"], ["合计", "1个", ""]]
    assert _pairs([], [rows]) == [("最佳志愿服务社区", "包头市青山路街道都兰社区")]


def test_an_unnumbered_entry_as_long_as_the_numbered_one_above_is_no_rest_of_it():
    assert _pairs(["最佳志愿服务项目：", "1.重庆科技馆“志愿者爱心科普活动”", "梁平癞子锣鼓传承“1+1+6”志愿服务项目"]) == [
        ("最佳志愿服务项目", "重庆科技馆“志愿者爱心科普活动”"), ("最佳志愿服务项目", "梁平癞子锣鼓传承“1+1+6”志愿服务项目")]


def test_a_ticked_category_column_and_names_each_over_a_paragraph_about_them():
    rows = [["序号", "名称", "最美志愿者", "最佳志愿服务组织"], ["1", "何素贞", "√", ""], ["2", "九龙坡区黄桷义工协会", "", "√"]]
    assert _pairs([], [rows]) == [("最美志愿者", "何素贞"), ("最佳志愿服务组织", "九龙坡区黄桷义工协会")]
    lines = ["最美志愿者", "李峰威", "他长期参加应急救援志愿服务，多次参与抢险。", "刘嗣东", "他坚持献血和宣传。",
             "吴 衡", "事迹从略。", "市文明办"]
    assert _pairs(lines) == [("最美志愿者", "李峰威"), ("最美志愿者", "刘嗣东"), ("最美志愿者", "吴 衡")]


def test_who_put_an_entry_forward_after_a_dash_is_kept_beside_the_name():
    entries = find_lists(["一、最佳志愿服务组织", "1.九龙坡区黄桷义工协会——市文明办推荐"], [])
    assert [(e.name, e.role) for e in entries] == [("九龙坡区黄桷义工协会", "市文明办推荐")]


def test_an_inline_list_wrapped_over_two_lines_and_a_table_of_awards_and_who_won_them():
    assert _pairs(["最美志愿者：何素贞、", "黎雅红、谢彬蓉。"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉")]
    rows = [["序号", "奖项名称", "获奖对象"], ["1", "最美志愿者", "陈建钧"], ["2", "最佳志愿服务组织", "内蒙古自治区文化助残慈善协会"]]
    assert _pairs([], [rows]) == [("最美志愿者", "陈建钧"), ("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会")]


def test_names_in_lenticular_brackets_blocks_of_fields_and_a_grid_with_a_joint_entry():
    entries = find_lists(["一、最美志愿者", "【何素贞】南岸区龙门浩街道上新街社区志愿者", "二、最佳志愿服务组织",
                          "【九龙坡区黄桷义工协会】"], [])
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("最美志愿者", "何素贞", "南岸区龙门浩街道上新街社区志愿者"), ("最佳志愿服务组织", "九龙坡区黄桷义工协会", "")]
    fields = ["现将拟推荐对象基本情况公示如下：", "姓名（名称）：李峰威", "单位及职务：北京市红十字雷锋车队应急救援志愿服务队队长",
              "推荐类别：最美志愿者", "姓名（名称）：天津市宝坻区红十字蓝天救援队", "推荐类别：最佳志愿服务组织"]
    assert [(e.category, e.name, e.role) for e in find_lists(fields, [])] == [
        ("最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"), ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队", "")]
    grid = [["最美志愿者"], ["李峰威", "陶成诚、黄先红", "吴 衡"]]
    assert _pairs([], [grid]) == [("最美志愿者", "李峰威"), ("最美志愿者", "陶成诚、黄先红"), ("最美志愿者", "吴 衡")]


def test_a_wrapped_name_in_a_cell_stays_one_names_parted_by_tabs_and_categories_joined_by_wei():
    rows = [["序号", "名称"], ["制度创新示范中心", ""], ["1", "嘉定区菊园新区社区\n志愿服务中心"]]
    assert _pairs([], [rows]) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心")]
    assert _pairs(["一、最佳志愿服务项目", "重庆科技馆“志愿者爱心科普活动”\t梁平癞子锣鼓传承“1+1+6”志愿服务项目"]) == [
        ("最佳志愿服务项目", "重庆科技馆“志愿者爱心科普活动”"), ("最佳志愿服务项目", "梁平癞子锣鼓传承“1+1+6”志愿服务项目")]
    assert _pairs(["经评选，最美志愿者为陈建钧、吕海英；最佳志愿服务社区为包头市青山路街道都兰社区。"]) == [
        ("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"), ("最佳志愿服务社区", "包头市青山路街道都兰社区")]


def test_entries_numbered_inline_and_a_heading_s_count_and_order_notes():
    assert _pairs(["一、最美志愿者：1.何素贞 2.黎雅红 3.谢彬蓉",
                   "二、最佳志愿服务项目：1.梁平癞子锣鼓传承“1+1+6”志愿服务项目 2.重庆科技馆“志愿者爱心科普活动”"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉"),
        ("最佳志愿服务项目", "梁平癞子锣鼓传承“1+1+6”志愿服务项目"), ("最佳志愿服务项目", "重庆科技馆“志愿者爱心科普活动”")]
    lines = ["一、最美志愿者（2名）（按姓氏笔画为序）", "1. 吕海英", "2. 陈建钧",
             "二、最佳志愿服务组织（2个，排名不分先后）", "1. 内蒙古自治区文化助残慈善协会", "2. 内蒙古自治区爱心之家公益协会"]
    assert [c for c, _ in _pairs(lines)] == ["最美志愿者"] * 2 + ["最佳志愿服务组织"] * 2


def test_a_full_width_space_in_a_web_page_still_parts_a_spaced_name_from_its_unit():
    entries = _page_entries("2020年度红十字系统入选名单", "<p>名单如下：</p><p>一、最美志愿者</p>"
                            "<p>1. 吴 衡\u3000上海市金山区造血干细胞捐献志愿者团队骨干志愿者</p>"
                            "<p>2. 胡敏华\u3000章金媛爱心奉献团南昌市第九医院志愿者</p>")
    assert [(e.name, e.role) for e in entries] == [
        ("吴 衡", "上海市金山区造血干细胞捐献志愿者团队骨干志愿者"), ("胡敏华", "章金媛爱心奉献团南昌市第九医院志愿者")]


def test_starred_headings_an_order_note_closing_an_inline_list_and_a_grid_of_project_names():
    lines = ["★最美志愿者★", "1.何素贞", "2.黎雅红", "★最佳志愿服务组织★", "1.九龙坡区黄桷义工协会",
             "最美志愿服务社区：九龙坡区九龙街道盘龙新城社区、万州区五桥街道五间桥社区（排名不分先后）"]
    assert _pairs(lines) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最佳志愿服务组织", "九龙坡区黄桷义工协会"),
                             ("最美志愿服务社区", "九龙坡区九龙街道盘龙新城社区"), ("最美志愿服务社区", "万州区五桥街道五间桥社区")]
    grid = [["最佳志愿服务项目", "", "", ""],
            ["重庆科技馆“志愿者爱心科普活动”", "梁平癞子锣鼓传承“1+1+6”志愿服务项目", "重庆希望24心理热线和生命教育志愿服务项目", ""]]
    assert [n for _, n in _pairs([], [grid])] == [
        "重庆科技馆“志愿者爱心科普活动”", "梁平癞子锣鼓传承“1+1+6”志愿服务项目", "重庆希望24心理热线和生命教育志愿服务项目"]
    prose = [["最佳志愿服务项目", ""], ["梁平癞子锣鼓传承“1+1+6”志愿服务项目", "项目开展以来，服务群众上万人次。"]]
    assert _pairs([], [prose]) == []  # a sentence beside a name: no grid of names


def test_a_labelled_category_row_a_header_naming_its_category_and_page_numbers_in_copied_text():
    table = [["序号", "名称", "单位及职务"], ["类别：最美志愿者", "", ""], ["1", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"]]
    assert _pairs([], [table]) == [("最美志愿者", "李峰威")]
    blocks = [["序号", "最美志愿者", "工作单位及职务"], ["1", "吕海英", "鄂尔多斯市准格尔义工协会会长"],
              ["序号", "最佳志愿服务组织", "工作单位及职务"], ["1", "内蒙古自治区文化助残慈善协会", ""]]
    assert _pairs([], [blocks]) == [("最美志愿者", "吕海英"), ("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会")]
    lines = ["一、制度创新示范中心", "1.嘉定区菊园新区社区志愿服务中心", "— 2 —", "第2页 共3页",
             "2.长宁区虹桥街道社区志愿服务中心"]
    assert _pairs(lines) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"),
                             ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]


def test_word_s_one_character_enumerators_a_spaced_hyphen_and_categories_given_with_fenbie_shi():
    lines = ["㈠最美志愿者", "⑴陈建钧", "⑵吕海英", "㈡最佳志愿服务组织", "⑴内蒙古自治区文化助残慈善协会"]
    assert _pairs(lines) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"), ("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会")]
    entries = find_lists(["一、最美志愿者", "1. 吴 衡 - 上海市金山区造血干细胞捐献志愿者团队骨干志愿者"], [])
    assert [(e.name, e.role) for e in entries] == [("吴 衡", "上海市金山区造血干细胞捐献志愿者团队骨干志愿者")]
    line = ("日前，评选结果揭晓，我市入选情况如下：最美志愿者2名，分别是：何素贞、黎雅红；"
            "最佳志愿服务组织1个，分别是：九龙坡区黄桷义工协会。")
    assert _pairs([line]) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最佳志愿服务组织", "九龙坡区黄桷义工协会")]
    assert stated_counts([line]) == {"最美志愿者": 2, "最佳志愿服务组织": 1}


def test_an_entry_of_spans_number_name_and_unit_keeps_the_unit_apart():
    entries = _page_entries("2020年度重庆入选名单", "<p>名单如下：</p><h3>最美志愿者</h3>"
                            "<div class='item'><span class='num'>1</span><span class='name'>何素贞</span>"
                            "<span class='unit'>南岸区龙门浩街道上新街社区志愿者</span></div>"
                            "<div class='item'><span class='num'>2</span><span class='name'>黎雅红</span>"
                            "<span class='unit'>沙坪坝区井口街道经济桥社区黎姐舒心坊负责人</span></div>")
    assert [(e.name, e.role) for e in entries] == [
        ("何素贞", "南岸区龙门浩街道上新街社区志愿者"), ("黎雅红", "沙坪坝区井口街道经济桥社区黎姐舒心坊负责人")]


def test_names_parted_by_single_spaces_after_an_award_s_colon_and_a_subtotal_in_a_heading():
    assert _pairs(["最美志愿者： 何素贞 黎雅红 谢彬蓉",
                   "最佳志愿服务项目： 重庆科技馆“志愿者爱心科普活动” 梁平癞子锣鼓传承“1+1+6”志愿服务项目"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉"),
        ("最佳志愿服务项目", "重庆科技馆“志愿者爱心科普活动”"), ("最佳志愿服务项目", "梁平癞子锣鼓传承“1+1+6”志愿服务项目")]
    assert _pairs(["最美志愿者： 吴 衡"]) == [("最美志愿者", "吴 衡")]  # one name with a space in it
    lines = ["一、最美志愿者（小计2名）", "1.李峰威（北京市红十字雷锋车队应急救援志愿服务队队长）", "2.刘嗣东（内蒙古自治区包头市红十字会志愿者）"]
    assert [c for c, _ in _pairs(lines)] == ["最美志愿者", "最美志愿者"]
    assert stated_counts(lines) == {"最美志愿者": 2}


def test_roman_headings_a_name_a_line_closed_by_dunhao_and_a_one_column_sheet():
    lines = ["Ⅰ. 最美志愿者", "1. 何素贞", "Ⅱ. 最美志愿服务社区", "1. 万州区五桥街道五间桥社区"]
    assert _pairs(lines) == [("最美志愿者", "何素贞"), ("最美志愿服务社区", "万州区五桥街道五间桥社区")]
    lines = ["最美志愿者：", "陈建钧、", "吕海英。", "最佳志愿服务组织：", "内蒙古自治区文化助残慈善协会、", "内蒙古自治区爱心之家公益协会。"]
    assert _pairs(lines) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"), ("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会"),
                             ("最佳志愿服务组织", "内蒙古自治区爱心之家公益协会")]
    assert _pairs(["最美志愿者：何素贞、", "黎雅红、谢彬蓉。"]) == [  # still an inline list wrapped
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉")]


def test_a_one_column_sheet_is_read_as_lines_and_a_linked_category_heads_its_names():
    import io

    from openpyxl import Workbook

    from scrapers.attachments import read

    book = Workbook()
    for row in (["2019年度上海市社区志愿服务示范中心名单"], ["一、制度创新示范中心"], ["1、嘉定区菊园新区社区志愿服务中心"],
                ["2、长宁区虹桥街道社区志愿服务中心"]):
        book.active.append(row)
    buf = io.BytesIO()
    book.save(buf)
    sheet = read(buf.getvalue(), "名单.xlsx")
    assert _pairs(sheet.lines, sheet.tables) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]
    entries = _page_entries("2018年内蒙古入选情况",
                            "<p>名单如下：</p><p><a href='/zyfw/1.html'>最美志愿者</a></p><p>陈建钧</p><p>吕海英</p>")
    assert [(e.category, e.name) for e in entries] == [
        ("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]


def test_a_bracketed_category_opening_its_names_a_colon_after_numbers_and_an_en_dash_before_a_unit():
    assert _pairs(["【最美志愿者】何素贞、黎雅红、谢彬蓉"]) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉")]
    entries = find_lists(["一、最美志愿者", "【何素贞】南岸区龙门浩街道上新街社区志愿者"], [])  # a name so marked stays a name
    assert [(e.name, e.role) for e in entries] == [("何素贞", "南岸区龙门浩街道上新街社区志愿者")]
    assert _pairs(["一、制度创新示范中心", "1：嘉定区菊园新区社区志愿服务中心", "2：长宁区虹桥街道社区志愿服务中心"]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]
    entries = find_lists(["一、最美志愿者", "1.李峰威–北京市红十字雷锋车队应急救援志愿服务队队长"], [])
    assert [(e.name, e.role) for e in entries] == [("李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长")]
    lines = ["最佳志愿服务项目", "重庆科技馆“志愿者爱心科普活动” 梁平癞子锣鼓传承“1+1+6”志愿服务项目 重庆希望24心理热线和生命教育志愿服务项目"]
    assert len(_pairs(lines)) == 3


def test_entries_numbered_1_1_names_joined_by_ji_and_lines_that_only_count():
    assert _pairs(["1. 制度创新示范中心", "1.1 嘉定区菊园新区社区志愿服务中心", "1.2 长宁区虹桥街道社区志愿服务中心"]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]
    assert _pairs(["最美志愿者：何素贞、黎雅红及谢彬蓉"]) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉")]
    lines = ["一、最美志愿者", "（2名）", "1.陈建钧", "2.吕海英", "（以上共2名）", "二、最佳志愿服务组织", "1.内蒙古自治区文化助残慈善协会"]
    assert _pairs(lines) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"), ("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会")]


def test_an_emoji_before_a_category_and_keycap_numbers_as_wechat_articles_set_them():
    lines = ["🏅最美志愿者", "1\ufe0f\u20e3陈建钧", "2\ufe0f\u20e3吕海英", "🏆最佳志愿服务组织", "1\u20e3内蒙古自治区文化助残慈善协会"]
    assert _pairs(lines) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"), ("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会")]


def test_a_count_sentence_under_a_heading_names_linked_in_an_inline_list_and_a_unit_in_small():
    lines = ["一、最美志愿者", "共有2人入选：", "陈建钧", "吕海英"]
    assert _pairs(lines) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    entries = _page_entries("2020年度重庆入选名单", "<p>名单如下：</p>"
                            "<p>最佳志愿服务组织：<a href='/s/1.html'>南岸区“周幺妹”青年志愿者服务队</a>、"
                            "<a href='/s/2.html'>沙坪坝区文联文艺志愿服务队</a></p>"
                            "<h4>最美志愿者</h4><p>吴 衡 <small>上海市金山区造血干细胞捐献志愿者团队骨干志愿者</small></p>"
                            "<p>李峰威 <small>北京市红十字雷锋车队应急救援志愿服务队队长</small></p>")
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("最佳志愿服务组织", "南岸区“周幺妹”青年志愿者服务队", ""), ("最佳志愿服务组织", "沙坪坝区文联文艺志愿服务队", ""),
        ("最美志愿者", "吴 衡", "上海市金山区造血干细胞捐献志愿者团队骨干志愿者"),
        ("最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长")]


def test_a_page_whose_lists_are_all_links_to_the_honorees_stories_still_has_a_body():
    page = ("<html><body><div class='nav'><a href='/'>首页</a> <a href='/zyfw/'>志愿服务</a></div>"
            "<h1>2018年内蒙古入选情况</h1><div class='content'>"
            "<p>最美志愿者：<a href='/s/1.html'>陈建钧</a>、<a href='/s/2.html'>吕海英</a></p>"
            "<p>最佳志愿服务组织：<a href='/s/3.html'>内蒙古自治区文化助残慈善协会</a>、"
            "<a href='/s/4.html'>内蒙古自治区爱心之家公益协会</a></p></div></body></html>")
    assert [(e.category, e.name) for e in extract_article(page.encode("utf-8")).list_entries] == [
        ("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"),
        ("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会"), ("最佳志愿服务组织", "内蒙古自治区爱心之家公益协会")]


def test_circled_numbers_with_no_space_numbered_entries_parted_by_semicolons_a_two_row_header_and_a_caption_number():
    assert _pairs(["最美志愿者：①何素贞②黎雅红③谢彬蓉"]) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉")]
    assert _pairs(["一、最美志愿者", "1.李峰威；2.刘嗣东；3.陶成诚、黄先红。"]) == [
        ("最美志愿者", "李峰威"), ("最美志愿者", "刘嗣东"), ("最美志愿者", "陶成诚、黄先红")]
    table = [["序号", "示范中心", "示范中心"], ["序号", "类别", "名称"], ["1", "制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"]]
    assert _pairs([], [table]) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心")]
    from scrapers.lists import clean_category

    assert clean_category("表1\u3000最美志愿者名单") == "最美志愿者"  # a Word caption over a category's table


def test_lettered_headings_and_a_notice_s_numbered_attachments_after_its_list():
    lines = ["A. 制度创新示范中心", "1）嘉定区菊园新区社区志愿服务中心", "B、品牌创新示范中心", "1）金山区廊下镇社区志愿服务中心"]
    assert _pairs(lines) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("品牌创新示范中心", "金山区廊下镇社区志愿服务中心")]
    lines = ["一、最佳志愿服务社区", "1. 呼和浩特市新城区东风路街道丽苑社区", "公示时间为5个工作日。",
             "附件：1. 推荐对象事迹简介", "2. 推荐对象汇总表", "评选活动办公室"]
    assert _pairs(lines) == [("最佳志愿服务社区", "呼和浩特市新城区东风路街道丽苑社区")]
    lines = ["附件：最美志愿者名单", "1. 陈建钧", "2. 吕海英"]  # a list after “附件：” is still read
    assert [n for _, n in _pairs(lines)] == ["陈建钧", "吕海英"]


def test_a_grid_of_names_with_category_rows_markdown_headings_and_a_listing_spread_across_columns():
    grid = [["名单公布如下："], ["制度创新示范中心", "", ""],
            ["嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心", "徐汇区斜土街道社区志愿服务中心"],
            ["品牌创新示范中心", "", ""], ["金山区廊下镇社区志愿服务中心", "徐汇区枫林街道社区志愿服务中心", ""]]
    assert _pairs([], [grid]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心"),
        ("制度创新示范中心", "徐汇区斜土街道社区志愿服务中心"),
        ("品牌创新示范中心", "金山区廊下镇社区志愿服务中心"), ("品牌创新示范中心", "徐汇区枫林街道社区志愿服务中心")]
    lines = ["# 2020年度入选名单", "## 最美志愿者", "- 李峰威（北京市红十字雷锋车队应急救援志愿服务队队长）", "## 最佳志愿服务组织",
             "- 江苏省常熟市流水琴川义工协会"]
    assert _pairs(lines) == [("最美志愿者", "李峰威"), ("最佳志愿服务组织", "江苏省常熟市流水琴川义工协会")]
    sheet = [["类别", "名单", "", ""], ["最美志愿者", "何素贞", "黎雅红", "谢彬蓉"],
             ["最佳志愿服务组织", "南岸区“周幺妹”青年志愿者服务队", "沙坪坝区文联文艺志愿服务队", ""], ["", "涪陵区红十字社区志愿服务队", "", ""]]
    assert _pairs([], [sheet]) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉"),
                                   ("最佳志愿服务组织", "南岸区“周幺妹”青年志愿者服务队"), ("最佳志愿服务组织", "沙坪坝区文联文艺志愿服务队"),
                                   ("最佳志愿服务组织", "涪陵区红十字社区志愿服务队")]


def test_a_markdown_headline_in_saved_text_is_the_title_without_its_marks():
    from scrapers.extract import extract_text

    text = "# 2020年度红十字系统入选名单\n\n发布时间：2020-12-05  来源：市文明办\n\n## 最美志愿者\n\n- 李峰威\n"
    assert extract_text(text).title == "2020年度红十字系统入选名单"


def test_a_copy_hidden_for_phones_a_sentence_after_the_list_a_category_a_row_and_entries_three_a_line():
    copy = "<p>经过推荐申报、资格审核、专家评审等环节，评选工作已经完成。</p><p>一、最美志愿者</p><p>1.陈建钧</p><p>2.吕海英</p>"
    page = (f"<html><body><h1>2018年内蒙古入选名单</h1><div class='content'><div class='pc'>{copy}</div>"
            f"<div class='mobile' style='display: none'>{copy}</div></div></body></html>")
    article = extract_article(page.encode("utf-8"))
    assert [(e.category, e.name) for e in article.list_entries] == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    assert article.body.count("陈建钧") == 1
    lines = ["一、最佳志愿服务社区", "1.包头市青山路街道都兰社区", "经过推荐申报、资格审核、专家评审等环节，评选工作已经完成。"]
    assert _pairs(lines) == [("最佳志愿服务社区", "包头市青山路街道都兰社区")]
    table = [["名单公布如下："], ["最美志愿者", "何素贞", "黎雅红", "谢彬蓉"], ["最美志愿服务社区", "九龙坡区九龙街道盘龙新城社区", "万州区五桥街道五间桥社区", ""]]
    assert _pairs([], [table]) == [("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉"),
                                   ("最美志愿服务社区", "九龙坡区九龙街道盘龙新城社区"), ("最美志愿服务社区", "万州区五桥街道五间桥社区")]
    lines = ["一、制度创新示范中心", "1.嘉定区菊园新区社区志愿服务中心    2.长宁区虹桥街道社区志愿服务中心    3.徐汇区斜土街道社区志愿服务中心"]
    assert [n for _, n in _pairs(lines)] == ["嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心", "徐汇区斜土街道社区志愿服务中心"]


def test_arrow_bullets_a_paragraph_a_name_in_a_cell_and_category_rows_numbered_in_chinese():
    lines = ["▷ 制度创新示范中心", "→ 嘉定区菊园新区社区志愿服务中心", "→ 长宁区虹桥街道社区志愿服务中心"]
    assert _pairs(lines) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]
    entries = _page_entries("2018年内蒙古入选名单", "<p>名单公布如下：</p><table><tr><th>类别</th><th>名单</th></tr>"
                            "<tr><td>最美志愿者</td><td><p>陈建钧</p><p>吕海英</p></td></tr></table>")
    assert [(e.category, e.name) for e in entries] == [
        ("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    table = [["序号", "姓名（名称）", "工作单位及职务"], ["一", "最美志愿者", "1名"], ["1", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"],
             ["二", "最佳志愿服务组织", "1个"], ["1", "天津市宝坻区红十字蓝天救援队", ""]]
    assert _pairs([], [table]) == [("最美志愿者", "李峰威"), ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队")]


def test_zero_width_spaces_a_count_closing_an_inline_list_and_a_couple_after_their_unit():
    entries = _page_entries("2020年度重庆入选名单",
                            "<p>名单公布如下：</p><p>一、最&#8203;美志愿者</p><p>1.何&#x200B;素贞</p><p>2.黎雅红</p>")
    assert [(e.category, e.name) for e in entries] == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红")]
    assert _pairs(["最美志愿者：陈建钧、吕海英（共2名）"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    entries = find_lists(["一、最美志愿者", "1. 安徽省六安市蓝天救援队队员陶成诚、黄先红"], [])
    assert [(e.name, e.role) for e in entries] == [("陶成诚、黄先红", "安徽省六安市蓝天救援队队员")]


def test_a_bracketed_category_opening_its_names_cards_a_table_an_honoree_and_categories_side_by_side():
    assert _pairs(["（最美志愿者）陈建钧、吕海英"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    cards = "".join(f"<table><tr><td>类别</td><td>最美志愿者</td></tr><tr><td>姓名</td><td>{n}</td></tr>"
                    f"<tr><td>工作单位及职务</td><td>{r}</td></tr></table>"
                    for n, r in [("李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"), ("刘嗣东", "内蒙古自治区包头市红十字会志愿者")])
    entries = _page_entries("红十字系统入选名单", f"<p>经过推荐申报、资格审核、专家评审等环节，评选工作已经完成。现将名单公布如下：</p>{cards}")
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"), ("最美志愿者", "刘嗣东", "内蒙古自治区包头市红十字会志愿者")]
    sheet = [["制度创新示范中心", "", "", "品牌创新示范中心", ""], ["序号", "名称", "", "序号", "名称"],
             ["1", "嘉定区菊园新区社区志愿服务中心", "", "1", "金山区廊下镇社区志愿服务中心"], ["", "", "", "", ""],
             ["管理创优示范中心", "", "", "服务创优示范中心", ""], ["序号", "名称", "", "序号", "名称"],
             ["1", "长宁区华阳街道社区志愿服务中心", "", "1", "徐汇区天平街道社区志愿服务中心"]]
    assert _pairs([], [sheet]) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("品牌创新示范中心", "金山区廊下镇社区志愿服务中心"),
                                   ("管理创优示范中心", "长宁区华阳街道社区志愿服务中心"), ("服务创优示范中心", "徐汇区天平街道社区志愿服务中心")]


def test_a_district_tag_before_a_name_is_its_place():
    entries = find_lists(["一、最美志愿者", "1.【南岸区】何素贞", "2.【沙坪坝区】黎雅红"], [])
    assert [(e.name, e.place) for e in entries] == [("何素贞", "南岸区"), ("黎雅红", "沙坪坝区")]


def test_a_markdown_table_in_saved_text():
    lines = ["| 序号 | 名称 | 类别 |", "| --- | --- | --- |", "| 1 | 嘉定区菊园新区社区志愿服务中心 | 制度创新示范中心 |",
             "| 2 | 金山区廊下镇社区志愿服务中心 | 品牌创新示范中心 |"]
    assert _pairs(lines) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("品牌创新示范中心", "金山区廊下镇社区志愿服务中心")]


def test_headings_numbered_in_lenticular_brackets():
    lines = ["【一】最美志愿者", "1. 何素贞", "【二】最美志愿服务社区", "1. 万州区五桥街道五间桥社区"]
    assert _pairs(lines) == [("最美志愿者", "何素贞"), ("最美志愿服务社区", "万州区五桥街道五间桥社区")]


def test_a_field_far_from_the_honorees_fields_is_none_of_theirs():
    from scrapers.lists import from_fields

    lines = ["主办单位：市文明办", "经过推荐申报、资格审核、专家评审等环节，评选工作已经完成。",
             "姓名：何素贞", "单位：南岸区龙门浩街道上新街社区志愿者", "姓名：黎雅红", "单位：沙坪坝区井口街道经济桥社区黎姐舒心坊负责人"]
    assert [(e.name, e.role) for e in from_fields(lines)] == [
        ("何素贞", "南岸区龙门浩街道上新街社区志愿者"), ("黎雅红", "沙坪坝区井口街道经济桥社区黎姐舒心坊负责人")]


def test_a_number_a_tab_a_name_a_tab_a_unit_as_word_paragraphs_set_them():
    entries = find_lists(["一、最美志愿者", "1\t何素贞\t南岸区龙门浩街道上新街社区志愿者", "2\t黎雅红\t沙坪坝区井口街道经济桥社区黎姐舒心坊负责人"], [])
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("最美志愿者", "何素贞", "南岸区龙门浩街道上新街社区志愿者"), ("最美志愿者", "黎雅红", "沙坪坝区井口街道经济桥社区黎姐舒心坊负责人")]


def test_inline_entries_numbered_in_brackets_and_a_title_repeated_over_its_continuation():
    assert _pairs(["最美志愿者：（1）何素贞；（2）黎雅红；（3）谢彬蓉。"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉")]
    lines = ["一、最美志愿者", "1. 李峰威", "2020年度红十字系统入选名单（续）", "二、最佳志愿服务组织", "1. 天津市宝坻区红十字蓝天救援队"]
    assert _pairs(lines) == [("最美志愿者", "李峰威"), ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队")]


def test_a_unit_after_dot_leaders_and_a_footnote_number_after_a_name():
    entries = find_lists(["一、最美志愿者", "1. 何素贞……………南岸区龙门浩街道上新街社区志愿者", "2. 黎雅红"], [])
    assert [(e.name, e.role) for e in entries] == [("何素贞", "南岸区龙门浩街道上新街社区志愿者"), ("黎雅红", "")]
    content = ("<p>一、最美志愿者</p><p>1. 李峰威<sup>1</sup>（北京市红十字雷锋车队应急救援志愿服务队队长）</p>"
               "<p>二、最佳志愿服务组织</p><p>1. 天津市宝坻区红十字蓝天救援队<sup>1</sup></p><p>注：1. 曾获省级表彰。</p>")
    assert [(e.category, e.name, e.role) for e in _page_entries("红十字系统入选名单", content)] == [
        ("最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"),
        ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队", "")]


def test_a_power_in_an_article_reads_as_the_superscript_a_reader_sees():
    body = "<p>新建的志愿服务站面积120m<sup>2</sup>，由社区党委书记牵头运营，已有志愿者三百余名。</p>" * 3
    assert "120m²" in extract_article(article_html("社区志愿服务站启用", [], extra=body)).body


def test_a_space_before_the_honorific_leaves_it_out_of_the_name():
    entries = find_lists(["一、最美志愿者", "1. 陈建钧 同志（兴安盟扎赉特旗义工联合会负责人）"], [])
    assert [(e.name, e.role) for e in entries] == [("陈建钧", "兴安盟扎赉特旗义工联合会负责人")]


def test_counts_with_gongji_dash_bullets_and_a_unit_after_a_slash():
    assert _pairs(["一、制度创新示范中心（共计2个）", "1. 嘉定区菊园新区社区志愿服务中心", "2. 长宁区虹桥街道社区志愿服务中心"]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]
    assert _pairs(["最美志愿者", "－ 陈建钧", "－ 吕海英"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    entries = find_lists(["一、最美志愿者", "1. 何素贞/南岸区龙门浩街道上新街社区志愿者", "2. 黎雅红/沙坪坝区井口街道经济桥社区黎姐舒心坊负责人"], [])
    assert [(e.name, e.role) for e in entries] == [("何素贞", "南岸区龙门浩街道上新街社区志愿者"),
                                                   ("黎雅红", "沙坪坝区井口街道经济桥社区黎姐舒心坊负责人")]


def test_numbers_in_lenticular_brackets_and_a_grid_of_numbered_cells():
    entries = find_lists(["一、最美志愿者", "【1】何素贞（南岸区龙门浩街道上新街社区志愿者）", "【2】黎雅红"], [])
    assert [(e.name, e.role) for e in entries] == [("何素贞", "南岸区龙门浩街道上新街社区志愿者"), ("黎雅红", "")]
    grid = ("<table border='1'><tr><td colspan='3'><b>制度创新示范中心</b></td></tr>"
            "<tr><td>1.嘉定区菊园新区社区志愿服务中心</td><td>2.长宁区虹桥街道社区志愿服务中心</td>"
            "<td>3.徐汇区斜土街道社区志愿服务中心</td></tr><tr><td colspan='3'><b>品牌创新示范中心</b></td></tr>"
            "<tr><td>1.金山区廊下镇社区志愿服务中心</td><td>2.徐汇区枫林街道社区志愿服务中心</td><td></td></tr></table>")
    intro = "<p>经过推荐申报、资格审核、专家评审等环节，评选工作已经完成。</p><p>名单公布如下：</p>"
    assert [(e.category, e.name) for e in _page_entries("示范中心名单", intro + grid)] == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心"),
        ("制度创新示范中心", "徐汇区斜土街道社区志愿服务中心"), ("品牌创新示范中心", "金山区廊下镇社区志愿服务中心"),
        ("品牌创新示范中心", "徐汇区枫林街道社区志愿服务中心")]


def test_a_short_notice_that_is_one_small_table_keeps_its_category_row():
    table = ("<table border='1'><tr><td colspan='3'><b>制度创新示范中心</b></td></tr>"
             "<tr><td>1.嘉定区菊园新区社区志愿服务中心</td><td>2.长宁区虹桥街道社区志愿服务中心</td>"
             "<td>3.徐汇区斜土街道社区志愿服务中心</td></tr></table>")
    assert [(e.category, e.name) for e in _page_entries("示范中心名单", "<p>名单公布如下：</p>" + table)] == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心"),
        ("制度创新示范中心", "徐汇区斜土街道社区志愿服务中心")]


def test_categories_set_in_tabs_whose_hidden_panels_a_reader_opens():
    names = {"最美志愿者": ["何素贞", "黎雅红", "谢彬蓉"], "最美志愿服务社区": ["九龙坡区九龙街道盘龙新城社区", "万州区五桥街道五间桥社区"]}
    tabs = "".join(f'<li><a href="#t{i}">{c}</a></li>' for i, c in enumerate(names))
    panels = "".join(f'<div class="pane" id="t{i}"' + (' style="display:none"' if i else "") + "><ul>"
                     + "".join(f"<li>{n}</li>" for n in ns) + "</ul></div>" for i, ns in enumerate(names.values()))
    content = f'<p>经过推荐申报、资格审核、专家评审等环节，评选工作已经完成。名单公布如下：</p><ul class="tabs">{tabs}</ul><div>{panels}</div>'
    assert [(e.category, e.name) for e in _page_entries("重庆入选名单", content)] == [
        (c, n) for c, ns in names.items() for n in ns]


def test_entries_numbered_no_and_a_sentence_naming_them_after_their_award():
    assert _pairs(["最美志愿者", "No.1 李峰威", "No.2 刘嗣东"]) == [("最美志愿者", "李峰威"), ("最美志愿者", "刘嗣东")]
    assert _pairs(["近日，评选结果揭晓。", "我区2人获评“最美志愿者”，他们是：陈建钧、吕海英。"]) == [
        ("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    assert _pairs(["该社区获评“最美志愿服务社区”，是全区唯一入选的社区。"]) == []


def test_a_place_named_本溪_or_全椒_is_a_name_and_该社区_is_not():
    assert _pairs(["本溪市志愿者协会被评为最佳志愿服务组织；"]) == [("最佳志愿服务组织", "本溪市志愿者协会")]
    assert _pairs(["近日，该社区获评“最美志愿服务社区”。"]) == []


def test_names_set_in_ruby_with_their_pinyin_and_a_count_in_lenticular_brackets():
    content = ("<p>经过推荐申报、资格审核、专家评审等环节，评选工作已经完成。名单公布如下：</p><p><b>最美志愿者</b></p>"
               "<p><ruby>李<rt>lǐ</rt>峰<rt>fēng</rt>威<rt>wēi</rt></ruby></p><p><ruby>刘<rp>(</rp><rt>liú</rt><rp>)</rp></ruby>嗣东</p>")
    assert [(e.category, e.name) for e in _page_entries("红十字系统入选名单", content)] == [
        ("最美志愿者", "李峰威"), ("最美志愿者", "刘嗣东")]
    assert _pairs(["最美志愿者【2名】", "陈建钧", "吕海英"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]


def test_a_notice_of_two_names_in_a_table_is_read_and_its_info_bar_is_no_body():
    table = ("<table border='1'><tr><td colspan='2'><b>最佳志愿服务组织</b></td></tr>"
             "<tr><td>天津市宝坻区红十字蓝天救援队</td><td>江苏省常熟市流水琴川义工协会</td></tr></table>")
    article = extract_article(article_html("入选名单", [], extra="<p>名单公布如下：</p>" + table))
    assert [(e.category, e.name) for e in article.list_entries] == [
        ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队"), ("最佳志愿服务组织", "江苏省常熟市流水琴川义工协会")]
    assert article.source == "测试日报" and "来源" not in article.body


def test_a_district_in_brackets_before_a_name_and_units_in_a_names_cell():
    entries = find_lists(["一、最美志愿者", "1.（南岸区）何素贞", "2.（沙坪坝区）黎雅红"], [])
    assert [(e.name, e.place) for e in entries] == [("何素贞", "南岸区"), ("黎雅红", "沙坪坝区")]
    table = [["类别", "名单"], ["最美志愿者", "李峰威（北京市红十字雷锋车队应急救援志愿服务队队长）\n刘嗣东（内蒙古自治区包头市红十字会志愿者）"]]
    assert [(e.category, e.name, e.role) for e in find_lists([], [table])] == [
        ("最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"), ("最美志愿者", "刘嗣东", "内蒙古自治区包头市红十字会志愿者")]


def test_a_notice_s_signature_a_wrapped_unit_and_a_names_cell_holding_a_list():
    lines = ["一、服务创优示范中心", "1.闵行区莘庄镇社区志愿服务中心", "2.青浦区徐泾镇社区志愿服务中心",
             "中共上海市委宣传部", "上海市精神文明建设委员会办公室", "2019年12月5日"]
    assert [e.name for e in find_lists(lines, [])] == ["闵行区莘庄镇社区志愿服务中心", "青浦区徐泾镇社区志愿服务中心"]
    assert [e.name for e in find_lists(lines[:-1], [])] == ["闵行区莘庄镇社区志愿服务中心", "青浦区徐泾镇社区志愿服务中心"]
    entries = find_lists(["一、最美志愿者", "1. 何素贞（南岸区龙门浩街道上新街社区志愿", "   者）", "2. 黎雅红"], [])
    assert [(e.name, e.role) for e in entries] == [("何素贞", "南岸区龙门浩街道上新街社区志愿者"), ("黎雅红", "")]
    projects = ["重庆科技馆“志愿者爱心科普活动”", "梁平癞子锣鼓传承“1+1+6”志愿服务项目", "重庆希望24心理热线和生命教育志愿服务项目"]
    table = [["类别", "名单"], ["最佳志愿服务项目", "\n".join(projects)]]
    assert [e.name for e in find_lists([], [table])] == projects


def test_offices_signing_a_list_of_names_a_line_above_its_date_are_no_entries():
    lines = ["最美志愿者：", "陈建钧", "吕海英", "内蒙古自治区精神文明建设委员会办公室", "2018年12月5日"]
    assert _pairs(lines) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    assert _pairs(lines[:-2] + ["2018年12月5日"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    # the date gone to the page's information: offices closing the text still sign it
    groups = ["最佳志愿服务组织：", "内蒙古自治区文化助残慈善协会", "内蒙古自治区爱心之家公益协会", "兴安盟文明办"]
    assert _pairs(groups) == [("最佳志愿服务组织", "内蒙古自治区文化助残慈善协会"), ("最佳志愿服务组织", "内蒙古自治区爱心之家公益协会")]
    # a wrapped name's rest closing a numbered list is no signature
    assert _pairs(["一、最佳志愿服务项目", "1.梁平癞子锣鼓传承“1+1+6”志", "愿服务项目"]) == [
        ("最佳志愿服务项目", "梁平癞子锣鼓传承“1+1+6”志愿服务项目")]


def test_a_year_after_a_category_bios_after_a_list_and_categories_that_have_their_names():
    assert _pairs(["一、制度创新示范中心（2019年度）", "1.嘉定区菊园新区社区志愿服务中心"]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心")]
    lines = ["一、最佳志愿服务组织", "1.天津市宝坻区红十字蓝天救援队", "附：事迹简介", "李峰威", "长期组织志愿服务，热心公益，事迹突出。"]
    assert _pairs(lines) == [("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队")]
    line = "近日，评选结果揭晓。其中，最美志愿者有陈建钧、吕海英2人；最佳志愿服务社区有呼和浩特市新城区东风路街道丽苑社区、包头市青山路街道都兰社区2个。"
    assert _pairs([line]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"),
                              ("最佳志愿服务社区", "呼和浩特市新城区东风路街道丽苑社区"), ("最佳志愿服务社区", "包头市青山路街道都兰社区")]


def test_a_count_running_into_names_an_emoji_after_a_name_and_names_cells_spaced_or_spanning_two_rows():
    assert _pairs(["最美志愿者（2名）陈建钧、吕海英"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    assert _pairs(["最美志愿者", "陈建钧👍", "吕海英👍"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    spaced = [["类别", "名单"], ["最美志愿者", "胡敏华　陶成诚、黄先红　吴 衡"]]
    assert [e.name for e in find_lists([], [spaced])] == ["胡敏华", "陶成诚、黄先红", "吴 衡"]
    joint = [["序号", "姓名", "工作单位及职务"], ["最美志愿者"], ["5", "陈爱萍", "浙江省丽水市莲都小区小荷志愿服务队爷爷奶奶分队队长"],
             ["6", "陶成诚", "安徽省六安市蓝天救援队队员"], ["6", "黄先红", "安徽省六安市蓝天救援队队员"], ["7", "胡敏华", "章金媛爱心奉献团南昌市第九医院志愿者"]]
    assert [e.name for e in find_lists([], [joint])] == ["陈爱萍", "陶成诚、黄先红", "胡敏华"]


def test_a_count_in_chinese_numerals_a_heading_closed_by_a_full_stop_and_markdown_bold():
    assert _pairs(["最美志愿者三名：何素贞、黎雅红、谢彬蓉。"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉")]
    assert _pairs(["一、制度创新示范中心。", "1.嘉定区菊园新区社区志愿服务中心"]) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心")]
    assert _pairs(["**最美志愿者**", "", "* 陈建钧", "* 吕海英"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]


def test_people_grouped_by_district_spaced_with_units_and_a_headerless_table_of_category_and_name():
    entries = find_lists(["一、最美志愿者", "南岸区：何素贞", "沙坪坝区：黎雅红", "四、最美志愿服务社区：九龙坡区九龙街道盘龙新城社区"], [])
    assert [(e.category, e.name, e.place) for e in entries] == [
        ("最美志愿者", "何素贞", "南岸区"), ("最美志愿者", "黎雅红", "沙坪坝区"), ("最美志愿服务社区", "九龙坡区九龙街道盘龙新城社区", "")]
    line = "最美志愿者：李峰威（北京市红十字雷锋车队应急救援志愿服务队队长）　陶成诚、黄先红（安徽省六安市蓝天救援队队员）"
    assert [(e.name, e.role) for e in find_lists([line], [])] == [
        ("李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"), ("陶成诚、黄先红", "安徽省六安市蓝天救援队队员")]
    table = [["名单公布如下："], ["最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"],
             ["最美志愿者", "刘嗣东", "内蒙古自治区包头市红十字会志愿者"], ["最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队", ""]]
    assert [(e.category, e.name, e.role) for e in find_lists([], [table])] == [
        ("最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"), ("最美志愿者", "刘嗣东", "内蒙古自治区包头市红十字会志愿者"),
        ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队", "")]


def test_names_parted_by_commas_on_the_line_under_their_category():
    lines = ["制度创新示范中心", "嘉定区菊园新区社区志愿服务中心，长宁区虹桥街道社区志愿服务中心"]
    assert _pairs(lines) == [("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心")]
    assert _pairs(["最美志愿者", "近日，社区开展了志愿服务，居民纷纷参加。"]) == []


def test_district_rows_over_people_in_a_table_and_a_bold_name_before_its_unit():
    table = [["序号", "姓名（名称）", "工作单位及职务"], ["最美志愿者"], ["南岸区"], ["1", "何素贞", "南岸区龙门浩街道上新街社区志愿者"],
             ["沙坪坝区"], ["2", "黎雅红", "沙坪坝区井口街道经济桥社区黎姐舒心坊负责人"]]
    lines = ["名单公布如下：", "最美志愿者", "南岸区", "沙坪坝区"]  # the single cells, as a page's text also holds them
    assert [(e.category, e.name, e.place) for e in find_lists(lines, [table])] == [
        ("最美志愿者", "何素贞", "南岸区"), ("最美志愿者", "黎雅红", "沙坪坝区")]
    content = "<p>一、最美志愿者</p><p><b>吴 衡</b> 上海市金山区造血干细胞捐献志愿者团队骨干志愿者</p><p><b>李峰威</b> 北京市红十字雷锋车队应急救援志愿服务队队长</p>"
    assert [(e.name, e.role) for e in _page_entries("红十字系统入选名单", content)] == [
        ("吴 衡", "上海市金山区造血干细胞捐献志愿者团队骨干志愿者"), ("李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长")]


def test_a_count_after_a_dash_and_a_layout_table_setting_categories_abreast():
    assert _pairs(["一、最美志愿者——2名", "1.陈建钧", "2.吕海英"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    boxes = [["最美志愿者\n陈建钧\n吕海英", "最佳志愿服务社区\n呼和浩特市新城区东风路街道丽苑社区\n包头市青山路街道都兰社区"]]
    assert find_lists([], [boxes]) == find_lists(["最美志愿者", "陈建钧", "吕海英", "最佳志愿服务社区",
                                                  "呼和浩特市新城区东风路街道丽苑社区", "包头市青山路街道都兰社区"], [])
    assert [(e.category, e.name) for e in find_lists([], [boxes])] == [
        ("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"),
        ("最佳志愿服务社区", "呼和浩特市新城区东风路街道丽苑社区"), ("最佳志愿服务社区", "包头市青山路街道都兰社区")]


def test_a_banner_image_heading_a_category_by_its_alt_text_and_headings_with_their_english():
    content = ('<p><img src="/images/banner1.png" alt="最美志愿者"></p><p>1.陈建钧</p><p>2.吕海英</p>'
               '<p><img src="/images/banner2.png" alt="最佳志愿服务社区"></p><p>1.包头市青山路街道都兰社区</p>'
               '<p><img src="/images/photo.jpg" alt="志愿者在社区服务"></p>')  # a photo's alt: no heading
    assert [(e.category, e.name) for e in _page_entries("内蒙古入选名单", content)] == [
        ("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英"), ("最佳志愿服务社区", "包头市青山路街道都兰社区")]
    assert _pairs(["最美志愿者 Most Beautiful Volunteers", "陈建钧（兴安盟扎赉特旗义工联合会负责人）",
                   "最佳志愿服务社区 Best Volunteer Service Communities", "包头市青山路街道都兰社区"]) == [
        ("最美志愿者", "陈建钧"), ("最佳志愿服务社区", "包头市青山路街道都兰社区")]


def test_a_post_before_a_colon_and_the_name_and_numbers_set_alone_over_their_entries():
    entries = find_lists(["一、最美志愿者", "1.北京市红十字雷锋车队应急救援志愿服务队队长：李峰威",
                          "2.安徽省六安市蓝天救援队队员：陶成诚、黄先红", "二、最佳志愿服务组织", "1.天津市宝坻区红十字蓝天救援队"], [])
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"),
        ("最美志愿者", "陶成诚、黄先红", "安徽省六安市蓝天救援队队员"), ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队", "")]
    content = ("<section><p><strong>最美志愿者</strong></p></section>"
               '<section><p><span style="font-size:24px">01</span></p><p>何素贞</p><p>南岸区龙门浩街道上新街社区志愿者</p></section>'
               '<section><p><span style="font-size:24px">02</span></p><p>黎雅红</p><p>沙坪坝区井口街道经济桥社区黎姐舒心坊负责人</p></section>')
    assert [(e.name, e.role) for e in _page_entries("重庆入选名单", content)] == [
        ("何素贞", "南岸区龙门浩街道上新街社区志愿者"), ("黎雅红", "沙坪坝区井口街道经济桥社区黎姐舒心坊负责人")]


def test_a_count_in_words_after_deng_an_icon_fonts_glyph_and_a_header_in_two_languages():
    assert _pairs(["最美志愿者：陈建钧、吕海英等两名。"]) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    assert _pairs(["\ue601最美志愿者", "1.陈建钧", "\ue602最佳志愿服务社区", "1.包头市青山路街道都兰社区"]) == [
        ("最美志愿者", "陈建钧"), ("最佳志愿服务社区", "包头市青山路街道都兰社区")]
    table = [["序号 No.", "姓名（名称）Name", "工作单位及职务 Organization and Post"], ["最美志愿者"],
             ["1", "何素贞", "南岸区龙门浩街道上新街社区志愿者"]]
    assert [(e.category, e.name, e.role) for e in find_lists([], [table])] == [
        ("最美志愿者", "何素贞", "南岸区龙门浩街道上新街社区志愿者")]


def test_a_unit_floated_beside_the_name_is_set_apart_from_it():
    content = ("<p><strong>一、最美志愿者</strong></p>"
               '<p>李峰威<span style="float:right">北京市红十字雷锋车队应急救援志愿服务队队长</span></p>'
               '<p>陶成诚、黄先红<span style="float: right">安徽省六安市蓝天救援队队员</span></p>')
    assert [(e.name, e.role) for e in _page_entries("红十字系统入选名单", content)] == [
        ("李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"), ("陶成诚、黄先红", "安徽省六安市蓝天救援队队员")]


def test_a_link_to_each_entrys_story_a_rule_after_a_heading_and_a_carousels_copies_of_its_slides():
    content = ('<p>一、制度创新示范中心————————</p>'
               '<p>1.嘉定区菊园新区社区志愿服务中心 <a href="/zyfw/1.html">[详情]</a></p>'
               '<p>2.长宁区虹桥街道社区志愿服务中心<a href="/zyfw/2.html">【查看详情】</a></p>'
               "<h3>最美志愿者</h3><div class='swiper-wrapper'>"
               '<div class="swiper-slide swiper-slide-duplicate"><p>吕海英</p></div>'
               '<div class="swiper-slide"><p>陈建钧</p></div><div class="swiper-slide"><p>吕海英</p></div>'
               '<div class="swiper-slide swiper-slide-duplicate"><p>陈建钧</p></div></div>')
    assert [(e.category, e.name) for e in _page_entries("入选名单", content)] == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心"),
        ("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]


def test_text_in_tab_parted_columns_with_the_category_given_once():
    text = ("2020年度红十字系统入选名单\n\n类别\t姓名（名称）\t工作单位及职务\n"
            "最美志愿者\t李峰威\t北京市红十字雷锋车队应急救援志愿服务队队长\n\t刘嗣东\t内蒙古自治区包头市红十字会志愿者\n"
            "最佳志愿服务组织\t天津市宝坻区红十字蓝天救援队\n\t江苏省常熟市流水琴川义工协会\n")
    entries = extract_article(text.encode("utf-8")).list_entries
    assert [(e.category, e.name, e.role) for e in entries] == [
        ("最美志愿者", "李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长"),
        ("最美志愿者", "刘嗣东", "内蒙古自治区包头市红十字会志愿者"),
        ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队", ""), ("最佳志愿服务组织", "江苏省常熟市流水琴川义工协会", "")]


def test_a_note_reference_after_a_name_names_parted_by_middle_dots_and_a_header_repeated_in_english():
    lines = ["一、最美志愿者", "1.陈建钧[1]", "2.吕海英", "[1] 本类别第一位由评审委员会提名。"]
    assert _pairs(lines) == [("最美志愿者", "陈建钧"), ("最美志愿者", "吕海英")]
    assert _pairs(["最美志愿者：何素贞 · 黎雅红 · 谢彬蓉"]) == [
        ("最美志愿者", "何素贞"), ("最美志愿者", "黎雅红"), ("最美志愿者", "谢彬蓉")]
    assert _pairs(["最佳志愿服务项目：通辽市公益事业发展中心“平安校园·星光护航”大型公益项目"]) == [
        ("最佳志愿服务项目", "通辽市公益事业发展中心“平安校园·星光护航”大型公益项目")]  # a dot inside a name parts nothing
    table = [["序号", "姓名（名称）", "工作单位及职务", "类别"], ["No.", "Name", "Organization and Post", "Category"],
             ["1", "陈建钧", "兴安盟扎赉特旗义工联合会负责人", "最美志愿者"]]
    assert [(e.category, e.name, e.role) for e in find_lists([], [table])] == [
        ("最美志愿者", "陈建钧", "兴安盟扎赉特旗义工联合会负责人")]


def test_captions_under_their_tables_an_emoji_after_a_heading_and_a_name_padded_with_a_full_width_space():
    content = ("<table border='1'><tr><th>序号</th><th>姓名（名称）</th></tr><tr><td>1</td><td>陈建钧</td></tr></table>"
               "<p>表1　最美志愿者</p>"
               "<table border='1'><tr><th>序号</th><th>姓名（名称）</th></tr><tr><td>1</td><td>包头市青山路街道都兰社区</td></tr></table>"
               "<p>表2　最佳志愿服务社区</p>")
    assert [(e.category, e.name) for e in _page_entries("内蒙古入选名单", content)] == [
        ("最美志愿者", "陈建钧"), ("最佳志愿服务社区", "包头市青山路街道都兰社区")]
    above = ("<p>表1　最美志愿者</p><table border='1'><tr><th>序号</th><th>姓名（名称）</th></tr>"
             "<tr><td>1</td><td>陈建钧</td></tr></table><p>表2　最佳志愿服务社区</p><table border='1'><tr><th>序号</th>"
             "<th>姓名（名称）</th></tr><tr><td>1</td><td>包头市青山路街道都兰社区</td></tr></table>")
    assert [(e.category, e.name) for e in _page_entries("内蒙古入选名单", above)] == [
        ("最美志愿者", "陈建钧"), ("最佳志愿服务社区", "包头市青山路街道都兰社区")]
    odd = content.replace("表1", "表十十")  # no number: that caption is no table's
    assert ("最佳志愿服务社区", "包头市青山路街道都兰社区") in [(e.category, e.name) for e in _page_entries("名单", odd)]
    assert _pairs(["最美志愿者🌟", "1.陈建钧"]) == [("最美志愿者", "陈建钧")]
    entries = find_lists(["一、最美志愿者", "吴\u3000衡\u3000上海市金山区造血干细胞捐献志愿者团队骨干志愿者",
                          "李峰威\u3000北京市红十字雷锋车队应急救援志愿服务队队长"], [])
    assert [(e.name, e.role) for e in entries] == [
        ("吴\u3000衡", "上海市金山区造血干细胞捐献志愿者团队骨干志愿者"), ("李峰威", "北京市红十字雷锋车队应急救援志愿服务队队长")]


def test_a_year_before_a_categorys_list_headings_between_dashes_and_names_linked_a_paragraph_each():
    assert _pairs(["2019年度制度创新示范中心名单", "1.嘉定区菊园新区社区志愿服务中心"]) == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心")]
    assert _pairs(["——最美志愿者——", "何素贞（南岸区龙门浩街道上新街社区志愿者）"]) == [("最美志愿者", "何素贞")]
    content = ('<p><b>最美志愿者</b></p><p><a href="/p1.html" title="单位">陶成诚、黄先红</a></p>'
               '<p><b>最佳志愿服务组织</b></p><p><a href="/p2.html">天津市宝坻区红十字蓝天救援队</a></p>'
               '<p><a href="/p3.html">江苏省常熟市流水琴川义工协会</a></p>')
    assert [(e.category, e.name) for e in _page_entries("红十字系统入选名单", content)] == [
        ("最美志愿者", "陶成诚、黄先红"), ("最佳志愿服务组织", "天津市宝坻区红十字蓝天救援队"),
        ("最佳志愿服务组织", "江苏省常熟市流水琴川义工协会")]


def test_header_labels_spaced_out_headings_numbered_in_latin_roman_and_a_column_for_each_category():
    content = ("<p>名单公布如下：</p><table border='1'><tr><th>序　号</th><th>姓　　名</th><th>工 作 单 位 及 职 务</th></tr>"
               "<tr><td colspan='3'>最美志愿者</td></tr><tr><td>1</td><td>何素贞</td><td>南岸区龙门浩街道上新街社区志愿者</td></tr>"
               "</table>")
    assert [(e.category, e.name, e.role) for e in _page_entries("重庆入选名单", content)] == [
        ("最美志愿者", "何素贞", "南岸区龙门浩街道上新街社区志愿者")]
    assert _pairs(["I. 最美志愿者", "1.何素贞", "II. 最佳志愿服务组织", "1.沙坪坝区文联文艺志愿服务队"]) == [
        ("最美志愿者", "何素贞"), ("最佳志愿服务组织", "沙坪坝区文联文艺志愿服务队")]
    grid = ("<p>名单公布如下：</p><table border='1'><tr><th>制度创新示范中心</th><th>品牌创新示范中心</th></tr>"
            "<tr><td>嘉定区菊园新区社区志愿服务中心</td><td>金山区廊下镇社区志愿服务中心</td></tr>"
            "<tr><td>长宁区虹桥街道社区志愿服务中心</td><td></td></tr></table>")
    assert [(e.category, e.name) for e in _page_entries("上海示范中心名单", grid)] == [
        ("制度创新示范中心", "嘉定区菊园新区社区志愿服务中心"), ("制度创新示范中心", "长宁区虹桥街道社区志愿服务中心"),
        ("品牌创新示范中心", "金山区廊下镇社区志愿服务中心")]


def test_soft_hyphens_and_named_invisible_characters_leave_names_whole_and_a_count_beside_a_category_is_no_entry():
    content = ("<p>一、最佳志愿服务组织</p><p>1.九龙坡区黄&shy;桷义工协会</p><p>2.涪陵区红十字\xad社区志愿服务队</p>"
               "<p>3.沙坪坝区文联&ZeroWidthSpace;文艺志愿服务队</p><p>4.南岸区&amp;shy;服务队</p>")
    assert [e.name for e in _page_entries("重庆入选名单", content)] == [
        "九龙坡区黄桷义工协会", "涪陵区红十字社区志愿服务队", "沙坪坝区文联文艺志愿服务队", "南岸区&shy;服务队"]
    table = ("<table border='1'><tr><th>序号</th><th>姓名（名称）</th><th>工作单位及职务</th></tr>"
             "<tr><td colspan='2'><b>最美志愿者</b></td><td>共2名</td></tr>"
             "<tr><td>1</td><td>李峰威</td><td>北京市红十字雷锋车队应急救援志愿服务队队长</td></tr>"
             "<tr><td>2</td><td>刘嗣东</td><td>内蒙古自治区包头市红十字会志愿者</td></tr></table>")
    assert [(e.category, e.name) for e in _page_entries("红十字系统入选名单", table)] == [
        ("最美志愿者", "李峰威"), ("最美志愿者", "刘嗣东")]


def test_names_cut_short_on_a_column_page_read_whole_from_their_links_titles():
    names = ["嘉定区菊园新区社区志愿服务中心", "长宁区虹桥街道社区志愿服务中心", "徐汇区斜土街道社区志愿服务中心"]
    items = [f'<li><a href="/zyfw/{i}.html" title="{n}">{n[:13]}…</a></li>' for i, n in enumerate(names)]
    one_list = "<p><b>制度创新示范中心</b></p><ul>" + "".join(items) + "</ul>"
    a_list_each = "<p><b>制度创新示范中心</b></p>" + "".join(f"<ul>{item}</ul>" for item in items)
    for content in (one_list, a_list_each):
        assert [(e.category, e.name) for e in _page_entries("上海示范中心名单", content)] == [
            ("制度创新示范中心", n) for n in names]
    # A title that is not the rest of the words shown is no name.
    other = '<p><b>制度创新示范中心</b></p><ul><li><a href="/a.html" title="点击查看详情">嘉定区菊园新区社区志…</a></li></ul>'
    assert "点击查看详情" not in [e.name for e in _page_entries("名单", other)]


def test_a_name_s_pinyin_in_brackets_is_no_part_of_it():
    assert [(e.category, e.name, e.role) for e in find_lists(
        ["一、最美志愿者", "1.陈建钧（Chen Jianjun）", "2.吕海英（Lü Haiying）",
         "二、最佳志愿服务组织", "1.深圳市义工联合会（Shenzhen Volunteers Federation）"], [])] == [
        ("最美志愿者", "陈建钧", ""), ("最美志愿者", "吕海英", ""), ("最佳志愿服务组织", "深圳市义工联合会", "")]


def test_a_table_turned_on_its_side_reads_an_entry_a_column():
    content = ("<p>一、最美志愿者</p><table border='1'><tr><th>序号</th><td>1</td><td>2</td></tr>"
               "<tr><th>姓名（名称）</th><td>何素贞</td><td>黎雅红</td></tr>"
               "<tr><th>工作单位及职务</th><td>南岸区龙门浩街道上新街社区志愿者</td><td>沙坪坝区井口街道经济桥社区黎姐舒心坊负责人</td></tr>"
               "</table>")
    assert [(e.category, e.name, e.role) for e in _page_entries("重庆入选名单", content)] == [
        ("最美志愿者", "何素贞", "南岸区龙门浩街道上新街社区志愿者"), ("最美志愿者", "黎雅红", "沙坪坝区井口街道经济桥社区黎姐舒心坊负责人")]
    summary = [["类别", "数量"], ["最美志愿者", "2"], ["最佳志愿服务组织", "4"]]  # award names down a column: no entries
    assert find_lists([], [summary]) == []
