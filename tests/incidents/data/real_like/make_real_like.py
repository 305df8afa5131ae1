"""Writes the real_like fixtures: synthetic rows in the exact shape of real exports (see README.md)."""
import csv, json, openpyxl
ACLED_COLS = ["event_id_cnty","event_date","year","time_precision","disorder_type","event_type","sub_event_type","actor1","assoc_actor_1","inter1","actor2","assoc_actor_2","inter2","interaction","civilian_targeting","iso","region","country","admin1","admin2","admin3","location","latitude","longitude","geo_precision","source","source_scale","notes","fatalities","tags","timestamp"]
rows = [
 ["UKR201234","21 December 2024","2024","1","Political violence","Explosions/Remote violence","Air/drone strike","Military Forces of Ukraine (2019-)","","State forces","","","","State forces only","","643","Europe","Russia","Tatarstan","Kazan","","Kazan","55.7963","49.1088","1","Kommersant; Telegram","National-Subnational","On 21 December 2024, Ukrainian forces struck residential buildings in Kazan with drones, \"Shahed-like\"; no fatalities.","0","","1735000000"],
 ["UKR201235","20 December 2024","2024","1","Political violence","Explosions/Remote violence","Shelling/artillery/missile attack","Military Forces of Russia (2000-)","","State forces","Civilians (Ukraine)","","Civilians","State forces-Civilians","Civilian targeting","804","Europe","Ukraine","Kyiv City","Kyiv","","Kyiv - Pecherskyi","50.4422","30.5367","1","Ukrainska Pravda","National","On 20 December 2024, Russian forces launched a missile attack on Kyiv; 1 killed.\nEmbassies damaged.","1","","1735000001"],
 ["UKR201236","3 January 2025","2025","2","Political violence","Battles","Armed clash","Military Forces of Russia (2000-)","","State forces","Military Forces of Ukraine (2019-)","","State forces","State forces-State forces","","804","Europe","Ukraine","Donetsk","Pokrovskyi","","Pokrovsk","48.2820","37.1758","2","Ministry of Defence of Ukraine","Other","Fighting near Pokrovsk.","10","","1736000000"],
 ["UKR201237","04 January 2025","2025","1","Political violence","Explosions/Remote violence","Air/drone strike","Military Forces of Russia (2000-)","","State forces","","","","","","804","Europe","Ukraine","Kharkiv","Kharkivskyi","","Kharkiv","49.9935","36.2304","1","Suspilne","Subnational","Drone hit.","2","","1736000001"],
]
with open("acled_export.csv","w",newline="",encoding="utf-8") as f:
    w=csv.writer(f); w.writerow(ACLED_COLS); w.writerows(rows)
wb=openpyxl.Workbook(); ws=wb.active; ws.title="Sheet1"; ws.append(ACLED_COLS)
import datetime
for r in rows:
    r=list(r); r[2]=int(r[2]); r[22]=float(r[22]); r[23]=float(r[23]); r[28]=int(r[28]); r[30]=int(r[30]); r[3]=int(r[3]); r[24]=int(r[24]); r[15]=int(r[15])
    ws.append(r)
# xlsx with a real Excel date cell in one row (ACLED xlsx often has dates as date cells)
ws.cell(row=3, column=2).value = datetime.datetime(2024,12,20)
wb.save("acled_export.xlsx")
UCDP = ["id","relid","year","active_year","code_status","type_of_violence","conflict_dset_id","conflict_new_id","conflict_name","dyad_dset_id","dyad_new_id","dyad_name","side_a_dset_id","side_a_new_id","side_a","side_b_dset_id","side_b_new_id","side_b","number_of_sources","source_article","source_office","source_date","source_headline","source_original","where_prec","where_coordinates","where_description","adm_1","adm_2","latitude","longitude","geom_wkt","priogrid_gid","country","country_id","region","event_clarity","date_prec","date_start","date_end","deaths_a","deaths_b","deaths_civilians","deaths_unknown","best","high","low","gwnoa","gwnob"]
u = [
 ["519385","UKR-2023-1-11345-44","2023","TRUE","Clear","1","11345","11345","Russia - Ukraine","13210","13210","Government of Russia (Soviet Union) - Government of Ukraine","57","57","Government of Russia (Soviet Union)","173","173","Government of Ukraine","2","\"Kyiv Independent,2023-05-02,Russian strike kills 2 in Dnipro\";\"Reuters,2023-05-02,Missile hits Dnipro\"","Kyiv Independent;Reuters","2023-05-02;2023-05-02","Russian strike kills 2 in Dnipro;Missile hits Dnipro","","1","Dnipro town","Dnipro","Dnipropetrovsk oblast","Dnipro raion","48.450000","34.983333","POINT (34.983333 48.450000)","180549","Ukraine","369","Europe","1","1","2023-05-02 00:00:00.000","2023-05-02 00:00:00.000","0","0","2","0","2","2","2","365","369"],
 ["519386","UKR-2023-1-11345-45","2023","TRUE","Clear","1","11345","11345","Russia - Ukraine","13210","13210","Government of Russia (Soviet Union) - Government of Ukraine","57","57","Government of Russia (Soviet Union)","173","173","Government of Ukraine","1","","","","","","4","Donetsk oblast","Donetsk oblast","Donetsk oblast","","48.000000","37.800000","POINT (37.8 48)","181000","Ukraine","369","Europe","2","4","2023-05-01 00:00:00.000","2023-05-31 00:00:00.000","5","3","0","0","8","12","8","365","369"],
]
with open("ucdp_ged.csv","w",newline="",encoding="utf-8") as f:
    w=csv.writer(f); w.writerow(UCDP); w.writerows(u)
gj = {"type":"FeatureCollection","name":"incidents_export","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
 "features":[
  {"type":"Feature","id":"f1","properties":{"name":"Drone strike on refinery","date":"2024-12-21","category":"drone_strike","style":{"marker-color":"#ff0000","marker-size":"medium"},"media":[{"url":"https://example.org/a.jpg"}],"killed":None},"geometry":{"type":"Point","coordinates":[49.1088,55.7963,0]}},
  {"type":"Feature","properties":{"name":"Several impacts","date":"2024-12-20T03:15:00","category":"strike","style":{"marker-color":"#00ff00"}},"geometry":{"type":"MultiPoint","coordinates":[[30.52,50.45],[30.53,50.46]]}},
  {"type":"Feature","properties":{"name":"Damaged area","date":"2024-12-19","category":"strike"},"geometry":{"type":"Polygon","coordinates":[[[36.2,49.9],[36.3,49.9],[36.3,50.0],[36.2,50.0],[36.2,49.9]]]}},
  {"type":"Feature","properties":{"name":"No geometry","date":"2024-12-18"},"geometry":None},
 ]}
json.dump(gj, open("mapping_tool.geojson","w",encoding="utf-8"), ensure_ascii=False, indent=1)
lines = [
 "Сводка по ударам;;;;;;;",
 "Дата;Населённый пункт;Область;Координаты;Широта;Долгота;Погибло;Тип",
 "21 декабря 2024;Казань;Татарстан;55°47′N 49°07′E;55,7963;49,1088;0;Удар БПЛА",
 ";;;;;;;",
 "20.12.2024;Киев;Киев;50°27′N 30°31′E;50,4501;30,5234;1;Ракетный удар",
 "3 января 2025 г.;Харьков;Харьковская;49°59′N 36°13′E;49,9935;36,2304;2;Удар БПЛА",
 "Итого;;;;;;3;",
]
open("analyst_ru_cp1251.csv","wb").write(("\r\n".join(lines)+"\r\n").replace("\u2032","'").encode("cp1251"))
open("analyst_ru_bom.csv","wb").write(("\ufeff"+"\r\n".join(lines)+"\r\n").encode("utf-8"))
wb=openpyxl.Workbook(); ws=wb.active; ws.title="Удары"
ws.append(["Сводка по ударам"]); ws.merge_cells("A1:H1")
for l in lines[1:]: ws.append(l.split(";"))
wb.save("analyst_ru.xlsx")
