-- id: broken-query
select object, message frum nowhere
